def log = new File(basedir, 'build.log').text
def fix = '; fix the app, or the schema if the plan is wrong'
def rec = 'target/reflekt/events/segment.ndjson'
assert log =~ /Reflekt collector: listening on http:\/\/127\.0\.0\.1:\d+ /
// the first build: exactly the app's mistakes, located in the recording (one event a line, in the order sent)
assert log.contains("[ERROR] ${rec}:2:1: error [type] /properties/cart_id: track 'Cart Viewed' (shop/Cart_Viewed/1-0.json): is an integer, not the type the schema declares" + fix)
assert log.contains("[ERROR] ${rec}:3:1: error [required] /properties: track 'Order Completed' (shop/Order_Completed/1-0.json): 'order_id' is required and was not sent" + fix)
assert log.contains("[ERROR] ${rec}:4:1: error [unplanned-event] /properties: track 'Mystery' has no schema in the plan; add a schema, or stop sending it")
assert log.contains("[WARNING] ${rec}:3:1: warning [unplanned-property] /properties/note: track 'Order Completed' (shop/Order_Completed/1-0.json): 'note' is not declared in the schema")
assert log.contains("[WARNING] schemas/shop/Checkout_Started/1-0.json:1:1: warning [unseen-event] event 'Checkout Started' 1-0 was never sent in the recorded events")
assert log.contains('Reflekt collector: stopped; recorded 4 in target/reflekt/events/segment.ndjson, 1 in target/reflekt/events/snowplow.ndjson')
assert log.contains('Reflekt check-events found 3 errors; fix the lines reported above.')
assert (log =~ /\[ERROR\] target\/reflekt\/events\/[a-z]+\.ndjson/).count == 3
// the second build, fixed: passes with the unseen event as its one warning
assert log.contains('Reflekt collector: stopped; recorded 3 in target/reflekt/events/segment.ndjson, 1 in target/reflekt/events/snowplow.ndjson')
assert log =~ /Reflekt check-events: 0 errors, 1 warning in \d+ ms/
// payloads are personal data: no value sent reaches the log or the reports
assert !log.contains('canary-7Q2')
assert !log.contains('77123')
def reports = new File(basedir, 'target/reflekt')
assert new File(reports, 'events.md').text.contains('| `Order Completed` | 2 | 2 | 0 | 1-0 |')
assert new File(reports, 'TEST-reflekt-check-events.xml').text.contains('name="iglu:com.example/Button_Press/jsonschema/1-0-0"')
assert !new File(reports, 'events.md').text.contains('canary-7Q2')
assert !log.contains('\tat dev.reflekt')
// on GitHub Actions the page is appended to the job summary
def summary = new File(basedir, 'target/step-summary.md')
assert summary.text.contains('# Reflekt check-events')
assert summary.text.contains('| `Cart Viewed` | 1 | 1 | 0 | 1-0 |')
