// The generated project passes `mvn verify` at once, with the properties' defaults filled in.
def project = new File(basedir, 'project/acme-events')
def log = new File(project, 'build.log').text
assert log.contains('Reflekt lint: 4 schemas, 0 errors, 0 warnings in ')
assert log.contains('BUILD SUCCESS')
// The package's SQL follows the default profile's first source: the local DuckDB file the project starts with.
assert log.contains('Reflekt build: 7 models for raw.acme_events in duckdb SQL (offline), written to artifacts/dbt/acme_events')
assert new File(project, 'reflekt_profiles.yml').text.contains('type: duckdb')
assert new File(project, 'artifacts/dbt/acme_events/models/acme_events/stg_acme_events__product_viewed__v2_0.sql').isFile()

def config = new File(project, 'reflekt_project.yml').text
assert config.contains('name: acme_events ')
assert config.contains('vendor: com.acme.analytics ')
assert config.contains('casing: title ')
// Editors complete and validate keys from the published JSON Schema; newer keys are shown commented out.
assert config.startsWith('# yaml-language-server: $schema=https://raw.githubusercontent.com/reflekt-dev/reflekt-maven-plugin/main/reflekt-core/src/main/resources/dev/reflekt/core/project/reflekt_project.schema.json\n')
assert config.contains('      # constraint_tests_severity: warn  # warn | error')
assert config.contains('    #   acme_events/Order_Completed/1-0.json: {key: order_id}')

def identify = new File(project, 'schemas/acme_events/Identify/1-0.json').text
assert identify.startsWith('{\n')
assert identify.contains('"$schema": "http://json-schema.org/draft-07/schema#"')
assert identify.contains('"$id": "acme_events/Identify/1-0.json"')
assert identify.contains('"vendor": "com.acme.analytics"')

// Files that must reach the project untouched by Velocity.
assert new File(project, '.gitignore').text.contains('reflekt_profiles.yml')
assert new File(project, 'reflekt_profiles.example.yml').text.contains("{{ env_var('SNOWFLAKE_PASSWORD') }}")
assert new File(project, '.github/workflows/reflekt.yml').text.contains('origin/${{ github.base_ref }}')
assert new File(project, 'README.md').text.contains('## Add an event')
assert new File(project, 'target/reflekt/lint.sarif').isFile()

// Typed event classes, compiled and packaged with the schemas in the project's jar.
assert log.contains('Reflekt generate: 4 event types (java, sdk segment), written to target/generated-sources/reflekt')
def jar = new java.util.jar.JarFile(new File(project, 'target/acme-events-1.0.0-SNAPSHOT.jar'))
def names = jar.entries().collect { it.name }
assert names.contains('com/acme/analytics/events/OrderCompleted.class')
assert names.contains('com/acme/analytics/events/ProductViewedV2.class')
assert names.contains('com/acme/analytics/events/SegmentMessages.class')
assert names.contains('schemas/acme_events/Order_Completed/1-0.json')

// Segment (the default sdk): no entity schema, the Segment SDK.
assert !new File(project, 'schemas/acme_events/Product').exists()
assert new File(project, 'pom.xml').text.contains('<artifactId>analytics</artifactId>')
assert config.contains('        id: [unique, not_null]')
