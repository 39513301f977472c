def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt generate: 1 event types (java, typescript, sdk snowplow), written to out/java, written to out/ts')
assert log.contains('Reflekt generate: 1 event types (java, typescript, sdk snowplow), unchanged in out/java, unchanged in out/ts')
def java = new File(basedir, 'out/java/com/example/events/CartViewed.java').text
assert java.contains('package com.example.events;')
assert java.contains('SCHEMA_URI = "iglu:com.example/Cart_Viewed/jsonschema/1-0-0"')
assert new File(basedir, 'out/java/com/example/events/SnowplowEvents.java').isFile()
assert new File(basedir, 'out/ts/events.ts').text.contains('export function trackCartViewed(client: SnowplowClient')
assert !new File(basedir, 'target').exists()
assert !log.contains('\tat dev.reflekt')
