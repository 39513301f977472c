// Offline (no source, no profiles file): the package is written in Databricks SQL.
def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt build: ') && log.contains(' in databricks SQL (offline)')
def pkg = new File(basedir, 'artifacts/dbt/it_project')
def model = new File(pkg, 'models/it_project/stg_it_project__cart_viewed.sql').text
assert model.contains("materialized = 'incremental',\n    file_format = 'delta',\n    incremental_strategy = 'merge',\n    unique_key = 'event_id'")
assert model.contains("cast(`user` as string) as `user`,")
assert model.contains("parse_json(items) as items,")
assert model.contains("cast('track' as string) as call_type,")
assert model.contains("received_at > (select max(received_at_tstamp) from {{ this }}) - interval {{ var('etl_overlap', 28) }} hours")
def docs = new File(pkg, 'models/it_project/_stg_it_project__cart_viewed.yml').text
assert docs.contains('data_type: variant')
assert new File(pkg, 'macros/reflekt_propagate_deletions.sql').text.contains('when not matched by source then delete')
assert !log.contains('\tat dev.reflekt')
