def log = new File(basedir, 'build.log').text
// 1: the app's test sends through the real SDK; after collector-stop, load-events fills the local DuckDB file
assert log.contains('Reflekt collector: stopped; recorded 3 in target/reflekt/events/segment.ndjson')
assert log.contains('[INFO]   tables: cart_viewed, identifies, order_completed, tracks, users')
assert log =~ /Reflekt load-events: 6 rows from 1 file into warehouse\.seg of source 'local' \(duckdb\) \(5 tables created, 0 columns added\) in \d+ ms/
// 2: infer drafts the plan from the warehouse
assert log.contains('[INFO]   wrote schemas/inferred/Order_Completed/1-0.json (from table order_completed, 3 columns)')
assert log.contains('[INFO]   wrote schemas/inferred/Identify/1-0.json (from table identifies, 1 column)')
assert log =~ /Reflekt infer from 5 tables of warehouse\.seg \(Segment layout\): 3 written, 0 unchanged, 0 kept, 0 skipped in \d+ ms; 9 descriptions to write/
// 3: lint fails until a person writes the descriptions and names the owners
assert log.contains("[ERROR] schemas/inferred/Order_Completed/1-0.json:23:7: error [inferred-description] '/properties/revenue' has the description reflekt:infer left for a person to write; replace it with what it means")
assert log.contains("error [meta-schema] 'self.metadata': required property 'code_owner' not found")
assert log.contains('Reflekt lint: 3 schemas, 15 errors, 0 warnings in ')
// 4: the app now sends an event nobody planned; loading again adds its rows and its table
assert log =~ /Reflekt load-events: 8 rows from 1 file into warehouse\.seg of source 'local' \(duckdb\) \(1 table created, 0 columns added\) in \d+ ms/
// 5: build from the local warehouse reports it
assert log.contains('[WARNING] Unplanned: table coupon_applied is loaded by the collector, and no schema plans it [unplanned-table]')
assert log =~ /Reflekt build: 6 models for warehouse\.seg in duckdb SQL \(from the warehouse, 0 drift, 1 unplanned\), written to artifacts\/dbt\/shop in \d+ ms/
assert new File(basedir, 'target/reflekt/drift.md').text.contains('| `coupon_applied` | - | `unplanned-table` |')

// the package's event audit, run on the local warehouse: the one unplanned event, seen once
def audit = new File(basedir, 'artifacts/dbt/shop/models/seg/reflekt__seg__event_audit.sql').text
        .replaceAll(/(?s)\{\{\s*config\(.*?\)\s*\}\}/, '')
        .replace("{{ source('seg', 'tracks') }}", 'warehouse.seg.tracks')
        .replace("{{ var('reflekt_audit_hours', 28) }}", '28')
assert !audit.contains('{{')
def db = new File(basedir, 'warehouse.duckdb')
// the driver of the plugin's test classpath (DriverManager does not see the script's class loader)
def driver = Class.forName('org.duckdb.DuckDBDriver').getDeclaredConstructor().newInstance()
driver.connect('jdbc:duckdb:' + db.absolutePath, new Properties()).withCloseable { c ->
    def rows = []
    c.createStatement().executeQuery(audit).withCloseable { rs ->
        while (rs.next()) {
            rows << [rs.getString('event'), rs.getString('event_text'), rs.getLong('event_count')]
        }
    }
    assert rows == [['coupon_applied', 'Coupon Applied', 1L]]
    // two runs of the app, their rows kept apart by messageId; one user, latest traits
    c.createStatement().executeQuery('select count(*) from warehouse.seg.tracks').withCloseable { rs ->
        rs.next()
        assert rs.getLong(1) == 5
    }
    c.createStatement().executeQuery('select count(*) from warehouse.seg.users').withCloseable { rs ->
        rs.next()
        assert rs.getLong(1) == 1
    }
}

// payloads are personal data: no value sent reaches the log, the drafts or the reports
assert !log.contains('canary-7Q2')
assert !log.contains('SAVE-77123')
new File(basedir, 'schemas/inferred').eachFileRecurse { f -> if (f.file) { assert !f.text.contains('canary-7Q2') } }
assert !log.contains('\tat dev.reflekt')
