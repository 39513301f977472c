// -Dsdk=snowplow: the project lints, generates Snowplow adapters and builds Snowplow models at once.
def project = new File(basedir, 'project/acme-events')
def log = new File(project, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Reflekt lint: 4 schemas, 0 errors, 0 warnings in ')
assert log.contains('Reflekt generate: ')
assert log.contains('sdk snowplow')
def models = new File(project, 'artifacts/dbt/acme_events/models/acme_events')
assert new File(models, 'stg_acme_events__com_acme_analytics_order_completed_1.sql').text
        .contains("e.event_vendor = 'com.acme.analytics'")
assert new File(models, 'stg_acme_events__com_acme_analytics_product_viewed_2.sql').isFile()
assert new File(models, 'stg_acme_events__com_acme_analytics_product_1.sql').text.contains('contexts_com_acme_analytics_product_1')
assert !new File(project, 'schemas/acme_events/Identify').exists()
assert new File(project, 'schemas/acme_events/Product/1-0.json').text.contains('"kind": "entity"')
assert new File(project, 'pom.xml').text.contains('<artifactId>snowplow-java-tracker</artifactId>')
assert new File(project, 'reflekt_project.yml').text.contains('where collector_tstamp >')
assert new File(project, 'reflekt_project.yml').text.contains('        event_id: [unique, not_null]')
assert new File(models, '_stg_acme_events__com_acme_analytics_order_completed_1.yml').text.contains('- unique')
