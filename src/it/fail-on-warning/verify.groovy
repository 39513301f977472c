def log = new File(basedir, 'build.log').text
assert log.contains("[WARNING] schemas/shop/Cart_Viewed/1-0.json:14:5: warning [property-casing] 'cartId' is not snake case; rename it to 'cart_id'")
assert log.contains('Reflekt lint found 0 errors and 1 warning; fix the lines reported above.')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/reflekt/TEST-reflekt-lint.xml'))
assert junit.@failures == '1'
