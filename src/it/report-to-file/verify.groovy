def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt report: 1 schema pages written beside the schemas; index at ')
def page = new File(basedir, 'schemas/shop/Cart_Viewed/1-0.md').text
assert page.startsWith('# Cart Viewed\n')
assert page.contains("| `cart_id` | string | no | The cart. |  |")
def index = new File(basedir, 'target/reflekt/report/index.md').text
assert index.contains('| Cart Viewed | `shop/Cart_Viewed` | [1-0](shop/Cart_Viewed/1-0.md) | Integration test event. |')
