def log = new File(basedir, 'build.log').text
// 1: the real Amplitude SDK reaches the collector's HTTPS port, trusting only its certificate
assert log =~ /Reflekt collector: and on https:\/\/127\.0\.0\.1:\d+ \(HTTPS/
assert log.contains('Reflekt collector: stopped; recorded 2 in target/reflekt/events/amplitude.ndjson')
assert log =~ /Reflekt check-events: 0 errors, 0 warnings in \d+ ms/
assert log =~ /Reflekt load-events: 2 rows from 1 file into warehouse\.amp of source 'local' \(duckdb\) \(1 table created, 0 columns added\) in \d+ ms/
// 2: build from the local warehouse laid out as Amplitude's export
assert log =~ /Reflekt build: 3 models for warehouse\.amp in duckdb SQL \(from the warehouse, 0 drift, 0 unplanned\), written to artifacts\/dbt\/shop in \d+ ms/

// every model, run on the local warehouse, returns the values sent
def models = new File(basedir, 'artifacts/dbt/shop/models/amp')
def driver = Class.forName('org.duckdb.DuckDBDriver').getDeclaredConstructor().newInstance()
def rows = [:]
driver.connect('jdbc:duckdb:' + new File(basedir, 'warehouse.duckdb').absolutePath, new Properties()).withCloseable { c ->
    models.eachFileMatch(~/.*\.sql/) { f ->
        def sql = f.text
                .replaceAll(/(?s)\{\{\s*config\(.*?\)\s*\}\}/, '')
                .replace("{{ source('amp', 'events_123456') }}", 'warehouse.amp.events_123456')
                .replace("{{ var('reflekt_audit_hours', 28) }}", '28')
        assert !sql.contains('{{') && !sql.contains('{%') : f.name
        def out = []
        c.createStatement().executeQuery(sql).withCloseable { rs ->
            def meta = rs.metaData
            while (rs.next()) {
                def row = [:]
                (1..meta.columnCount).each { row[meta.getColumnName(it)] = rs.getObject(it) }
                out << row
            }
        }
        rows[f.name] = out
    }
}
assert rows.keySet() == ['reflekt__amp__event_audit.sql', 'stg_amp__identify.sql', 'stg_amp__order_completed.sql'] as Set
assert rows['stg_amp__order_completed.sql'].size() == 1
def order = rows['stg_amp__order_completed.sql'][0]
assert order.order_id == 'o-canary-7Q2'
assert order.revenue == 12.5d
assert order.shipping_city == 'Paris'
assert order.user_id == 'user-1'
assert order.schema_id == 'shop/Order_Completed/1-0.json'
assert rows['stg_amp__identify.sql'].collect { it.plan } == ['pro']
assert rows['reflekt__amp__event_audit.sql'].isEmpty()

// the api key never lands anywhere; payloads are personal data: no value sent reaches the log or the reports
assert !log.contains('it-api-key-canary-9K4')
assert !new File(basedir, 'target/reflekt/events/amplitude.ndjson').text.contains('it-api-key-canary-9K4')
assert !log.contains('o-canary-7Q2')
assert !new File(basedir, 'target/reflekt/events.md').text.contains('o-canary-7Q2')
assert !new File(basedir, 'target/reflekt/events/.tls').exists()
assert !log.contains('\tat dev.reflekt')
