def log = new File(basedir, 'build.log').text
[
  "[INFO] schemas/shop/Cart_Viewed/2-0.json:10:18: info [major-without-break] 2-0 bumps MAJOR from 1-0 without a structural break (only compatible changes: metadata changed); self.metadata.major_reason says why",
  "Reflekt breaking: 2 schemas, 0 errors, 0 warnings in ",
  "BUILD SUCCESS",
].each { assert log.contains(it) : "build.log lacks: " + it }
assert !log.contains('checkout id') : 'the reason is schema text: the finding points at it and does not print it'
def sarif = new File(basedir, 'target/reflekt/breaking.sarif').text
assert sarif.contains('"level" : "note"') || sarif.contains('"level": "note"')
def changes = new File(basedir, 'target/reflekt/changes.md').text
assert changes.contains('- `shop/Cart_Viewed/2-0.json`: a new version after `1-0`, MAJOR without a structural break')
