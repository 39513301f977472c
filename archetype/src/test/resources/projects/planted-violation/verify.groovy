// A team that chose pascal-case properties gets the snake-case examples flagged, with the fix.
def project = new File(basedir, 'project/pascal-events')
def log = new File(project, 'build.log').text
assert log.contains("[ERROR] schemas/pascal_events/Order_Completed/1-0.json:14:5: error [property-casing] 'order_id' is not pascal case; rename it to 'OrderId'")
assert log.contains("[ERROR] schemas/pascal_events/Order_Completed/1-0.json:22:11: error [property-casing] 'products[].product_id' is not pascal case; rename it to 'ProductId'")
assert log.contains('Reflekt lint found ')
def junit = new groovy.xml.XmlSlurper().parse(new File(project, 'target/reflekt/TEST-reflekt-lint.xml'))
assert junit.@failures == '4'
