// The local profile works out of the box: recorded events load into warehouse.duckdb in Segment's layout, and the
// project's build reads the dbt package's source from it, reporting what the plan lacks.
def project = new File(basedir, 'project/acme-events')
def log = new File(project, 'build.log').text
assert new File(project, 'reflekt_profiles.yml').text.contains('path: ./warehouse.duckdb')
assert log =~ /Reflekt load-events: 6 rows from 1 file into warehouse\.acme_events of source 'local' \(duckdb\) \(5 tables created, 0 columns added\) in \d+ ms/
assert new File(project, 'warehouse.duckdb').isFile()
// Product Viewed was never sent: its tables are missing, its models left out
assert log.contains('[WARNING] Drift: table product_viewed does not exist (schema acme_events/Product_Viewed/2-0.json); its model was not generated')
assert log.contains('[WARNING] Unplanned: table coupon_applied is loaded by the collector, and no schema plans it [unplanned-table]')
assert log =~ /Reflekt build: 5 models for warehouse\.acme_events in duckdb SQL \(from the warehouse, 2 drift, 1 unplanned\)/
assert new File(project, 'artifacts/dbt/acme_events/models/acme_events/reflekt__acme_events__event_audit.sql').isFile()
assert log.contains('BUILD SUCCESS')
assert !log.contains('someone@example.com')
