// Runs: (1) a build against the DuckDB file, with debug logging; (2) the same again; (3) one against a
// schema that does not exist, which fails. Invoker appends the three logs.
def log = new File(basedir, 'build.log').text
assert log.contains('Using the duckdb JDBC driver org.duckdb:duckdb_jdbc:')
assert log.count('[DEBUG] Metadata query for warehouse.seg: ') == 1 : 'one metadata query per source schema'
assert log.contains('Reflekt build: 2 models for warehouse.seg in duckdb SQL (from the warehouse, 1 drift, 0 unplanned), written to artifacts/dbt/it_project')
assert log.contains('Reflekt build: 2 models for warehouse.seg in duckdb SQL (from the warehouse, 1 drift, 0 unplanned), unchanged in artifacts/dbt/it_project')
assert log.contains('[WARNING] Drift: column cart_viewed.coupon does not exist (schema shop/Cart_Viewed/1-0.json); left out of the model')
assert log.contains("[ERROR] Source 'local.warehouse.nothing_here' has no tables in schema warehouse.nothing_here")
assert !log.contains('\tat dev.reflekt')

// The failed third build left the package of the first two as it was.
def pkg = new File(basedir, 'artifacts/dbt/it_project')
def model = new File(pkg, 'models/seg/stg_seg__cart_viewed.sql').text
assert model.contains('        cast(cart_id as varchar) as cart_id,\n')
assert !model.contains('coupon') : 'a column missing from the warehouse must be left out'
assert new File(pkg, 'models/seg/stg_seg__tracks.sql').isFile()
assert new File(pkg, 'models/seg/__src_seg.yml').text.contains('    database: warehouse\n    schema: seg\n')
assert !new File(pkg, 'models/nothing_here').exists()
def drift = new File(basedir, 'target/reflekt/drift.md').text
assert drift.contains('| `shop/Cart_Viewed/1-0.json` | `cart_viewed` | `coupon` | property has no column; left out of the model |')
