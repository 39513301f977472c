context.bigquery.stop(0)
def log = new File(basedir, 'build.log').text
assert log.contains('Using the BigQuery client com.google.cloud:google-cloud-bigquery:')
assert log.contains('Reflekt build: 2 models for acme.segment in bigquery SQL (from the warehouse, 1 drift, 0 unplanned), written to artifacts/dbt/it_project')
assert log.contains('[WARNING] Drift: column cart_viewed.coupon does not exist (schema shop/Cart_Viewed/1-0.json); left out of the model')
assert context.bigqueryRequests.count { it.startsWith('POST ') } == 1 : 'one metadata query: ' + context.bigqueryRequests
def model = new File(basedir, 'artifacts/dbt/it_project/models/segment/stg_segment__cart_viewed.sql').text
assert model.contains("cast('track' as string) as call_type")
assert model.contains('        cast(cart_id as string) as cart_id,\n') && !model.contains('coupon')
