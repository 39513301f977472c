// -Dsdk=amplitude: the project lints, generates Amplitude adapters and builds models of Amplitude's export at once.
def project = new File(basedir, 'project/acme-events')
def log = new File(project, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Reflekt lint: 4 schemas, 0 errors, 0 warnings in ')
assert log.contains('Reflekt generate: 4 event types (java, sdk amplitude)')
def models = new File(project, 'artifacts/dbt/acme_events/models/acme_events')
def order = new File(models, 'stg_acme_events__order_completed.sql').text
assert order.contains("{{ source('acme_events', 'events_123456') }}")
assert order.contains("where e.event_type = 'Order Completed'")
assert order.contains("json_extract_string(e.event_properties, '/order_id')")
assert new File(models, 'stg_acme_events__product_viewed__v2.sql').isFile()
assert new File(models, 'stg_acme_events__identify.sql').text.contains("e.event_type = '\$identify'")
assert new File(models, '_stg_acme_events__order_completed.yml').text.contains('- name: uuid')
assert !new File(project, 'schemas/acme_events/Product').exists()
assert new File(project, 'pom.xml').text.contains('<artifactId>java-sdk</artifactId>')
def config = new File(project, 'reflekt_project.yml').text
assert config.contains('where server_upload_time >')
assert config.contains('        uuid: [unique, not_null]')
assert config.contains('    amplitude:\n      project_id: 123456 ')
def jar = new java.util.jar.JarFile(new File(project, 'target/acme-events-1.0.0-SNAPSHOT.jar'))
assert jar.entries().collect { it.name }.contains('com/acme/analytics/events/AmplitudeEvents.class')
