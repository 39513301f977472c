def log = new File(basedir, 'build.log').text
def fix = '; fix the app, or the schema if the plan is wrong'
assert log.contains("[ERROR] recorded/bad.ndjson:1:1: error [required] /batch/1/properties: track 'Order Completed' (shop/Order_Completed/1-0.json): 'order_id' is required and was not sent" + fix)
assert log.contains("[ERROR] recorded/bad.ndjson:1:1: error [type] /batch/2/properties/cart_id: track 'Cart Viewed' (shop/Cart_Viewed/1-0.json): is an integer, not the type the schema declares" + fix)
assert log.contains("[ERROR] recorded/bad.ndjson:1:1: error [unplanned-event] /batch/3/properties: track 'Mystery' has no schema in the plan; add a schema, or stop sending it")
assert log.contains("[WARNING] recorded/bad.ndjson:1:1: warning [unplanned-property] /batch/1/properties/total: track 'Order Completed' (shop/Order_Completed/1-0.json): 'total' is not declared in the schema")
assert log.contains('Reflekt check-events found 3 errors; fix the lines reported above.')
assert log.contains('Reflekt check-events: 2 events in 1 file(s), 2 distinct, 0 planned never sent')
assert log =~ /Reflekt check-events: 3 errors, 1 warning in \d+ ms \(reports in target\/reflekt\)/
assert log =~ /Reflekt check-events: 0 errors, 0 warnings in \d+ ms \(reports in target\/reflekt\)/
// payloads are personal data: no value sent reaches the log
assert !log.contains('canary-7Q2')
assert !log.contains('77123')
assert new File(basedir, 'target/reflekt/check-events.sarif').isFile()
assert !log.contains('\tat dev.reflekt')
