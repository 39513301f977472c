// Run 1: no dialect, no warehouse rules. Run 2: Redshift, whose varchar stops at 65535 bytes.
def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt lint: 1 schema, 0 errors, 0 warnings in ')
assert log.contains("schemas/shop/Cart_Viewed/1-0.json:15:58: error [warehouse-varchar-length] maxLength 70000 is above redshift's longest varchar, 65535 bytes; longer values cannot be loaded; lower maxLength to 65535 or less")
assert log.contains('Reflekt lint: 1 schema, 1 error, 0 warnings in ')
assert !log.contains('\tat dev.reflekt')
