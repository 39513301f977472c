def log = new File(basedir, 'build.log').text
[
  "[ERROR] schemas/shop/Cart_Viewed/1-0.json:14:5: error [property-casing] 'cartId' is not snake case; rename it to 'cart_id'",
  "[ERROR] schemas/shop/Cart_Viewed/1-0.json:15:5: error [property-reserved] 'event' is a reserved property name; choose another name (reserved: [event])",
  "[WARNING] schemas/shop/Cart_Viewed/1-0.json:16:5: warning [property-description] property 'note' has no description; add \"description\": \"<what it means>\"",
  "[ERROR] schemas/shop/Cart_Viewed/1-0.json:16:14: error [data-type] property 'note' has type 'date', which is not allowed; use one of [string, integer, number, boolean, object, array, null] (schemas.conventions.data_types in reflekt_project.yml)",
  "[ERROR] schemas/shop/Checkout_Started/1-0.json:7:5: error [name-matches-folder] event name 'Checkout Begun' does not match its folder 'Checkout_Started'; rename the folder to 'Checkout_Begun' or the event to 'Checkout Started'",
  "[ERROR] schemas/shop/order_placed/1-0.json:7:5: error [event-casing] 'order_placed' is not title case; rename it to 'Order Placed'",
  "Reflekt lint: 3 schemas, 5 errors, 1 warning in ",
  "Reflekt lint found 5 errors; fix the lines reported above.",
].each { assert log.contains(it) : "build.log lacks: " + it }
assert !log.contains('\tat dev.reflekt') : 'a user mistake must not print a stack trace'
assert new File(basedir, 'target/reflekt/lint.sarif').isFile()
// GitHub Actions annotations start their own line, unprefixed by Maven's log level.
assert log.readLines().contains("::error file=schemas/shop/Cart_Viewed/1-0.json,line=14,col=5,title=reflekt property-casing::'cartId' is not snake case; rename it to 'cart_id'")
assert log.readLines().contains("::warning file=schemas/shop/Cart_Viewed/1-0.json,line=16,col=5,title=reflekt property-description::property 'note' has no description; add \"description\": \"<what it means>\"")
