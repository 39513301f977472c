// Shared definitions through real Maven runs: lint (definitions linted once), an offline build whose columns come
// from the resolved $refs, and a report with a page per definition.
def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt lint: 4 schemas, 0 errors, 0 warnings')
assert !log.contains('\tat dev.reflekt')
def model = new File(basedir, 'artifacts/dbt/it_project/models/it_project/stg_it_project__refund_issued.sql').text
assert model.contains('amount_amount') && model.contains('amount_currency')
def docs = new File(basedir, 'artifacts/dbt/it_project/models/it_project').listFiles().findAll { it.name.endsWith('refund_issued.yml') }
assert docs.size() == 1 && docs[0].text.contains('(From definitions/money/1-0.)')
def report = new File(basedir, 'target/reflekt/report')
def money = new File(report, '.reflekt/definitions/money/1-0.md').text
assert money.contains('- [Order Completed 1-0](../../../shop/Order_Completed/1-0.md)')
assert money.contains('- [Refund Issued 1-0](../../../shop/Refund_Issued/1-0.md)')
assert new File(report, 'index.md').text.contains('## Shared definitions')
