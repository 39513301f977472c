// A DuckDB warehouse as Segment loads it; the Cart_Viewed table lacks the schema's 'coupon' column.


def url = 'jdbc:duckdb:' + new File(basedir, 'warehouse.duckdb').absolutePath
def db = new org.duckdb.DuckDBDriver().connect(url, new Properties())
def common = 'id varchar, original_timestamp timestamp, sent_at timestamp, received_at timestamp, "timestamp" timestamp,' +
        ' anonymous_id varchar, user_id varchar, context_library_name varchar, context_library_version varchar'
db.createStatement().with {
    execute('create schema seg')
    execute("create table seg.tracks (${common}, event_text varchar)")
    execute("create table seg.cart_viewed (${common}, event_text varchar, cart_id varchar)")
    execute("insert into seg.cart_viewed values ('m1', now(), now(), now(), now(), 'a1', 'u1', 'analytics.js', '5', 'Cart Viewed', 'cart-9')")
}
db.close()
return true
