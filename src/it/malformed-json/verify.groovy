def log = new File(basedir, 'build.log').text
[
  "[ERROR] schemas/shop/A_Viewed/1-0.json:14:5: error [property-casing] 'badName' is not snake case; rename it to 'bad_name'",
  "[ERROR] schemas/shop/B_Viewed/1-0.json:5:3: error [json-syntax] malformed JSON at 5:3: Unexpected character",
  "[ERROR] schemas/shop/C_Viewed/1-0.json:14:5: error [property-casing] 'alsoBad' is not snake case; rename it to 'also_bad'",
  "Reflekt lint: 3 schemas, 3 errors, 0 warnings in ",
].each { assert log.contains(it) : "build.log lacks: " + it }
assert !log.contains('\tat ') : 'no stack trace for a malformed file'
