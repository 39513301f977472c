context.registry.stop(0)
def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'pom.xml').exists()
assert log.contains('  wrote schemas/shop/Checkout_Started/1-0.json')
assert log.contains('  Skipped subject payments-value: a AVRO schema, not JSON.')
// The pulled schema is linted: its property is camel case, the project wants snake case; that fails the pull.
assert log.contains("[ERROR] schemas/shop/Checkout_Started/1-0.json:")
assert log.contains("error [property-casing] 'cartId' is not snake case; rename it to 'cart_id'")
assert log.contains('1 written, 0 unchanged, 0 kept; 1 lint findings in the pulled schemas')
assert log.contains('Reflekt pull: the pulled schemas do not lint clean (listed above).')
assert !log.contains('Exception:') && !log.contains('\tat ')
def pulled = new groovy.json.JsonSlurper().parse(new File(basedir, 'schemas/shop/Checkout_Started/1-0.json'))
assert pulled.self.metadata.code_owner == 'web'
