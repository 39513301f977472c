// `mvn verify` with build bound: an offline build, no profiles file, no credentials.
def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt build: 4 models for raw.it_project in snowflake SQL (offline), written to artifacts/dbt/it_project')
def pkg = new File(basedir, 'artifacts/dbt/it_project')
def model = new File(pkg, 'models/it_project/stg_it_project__order_completed.sql').text
assert model.contains("from {{ source('it_project', 'order_completed') }}")
assert model.contains("        parse_json(products) as products,\n        cast('track' as varchar) as call_type,")
assert new File(pkg, 'models/it_project/__src_it_project.yml').text.contains('  - name: it_project\n    database: raw\n')
assert new File(pkg, 'dbt_project.yml').text.contains('name: it_project\n')
// lint ran first, at validate
assert log.indexOf('Reflekt lint:') < log.indexOf('Reflekt build:')
