def log = new File(basedir, 'build.log').text
[
  "Reflekt breaking: comparing with main (",
  "[ERROR] schemas/shop/Cart_Viewed/1-0.json:14:45: error [breaking-in-place] breaking change to existing version 1-0 (vs main): type changed or narrowed 'cart_id' ([string] -> [integer]); revert it here and make the change in a new version 2-0.json",
  "[ERROR] schemas/shop/Order_Completed/1-0.json:1:1: error [version-deleted] version 1-0 exists at main but was deleted; restore it: published versions stay (stop sending the event instead of deleting its schema)",
  "Reflekt breaking: 2 schemas, 2 errors, 0 warnings in ",
  "Reflekt breaking found 2 errors; fix the lines reported above.",
].each { assert log.contains(it) : "build.log lacks: " + it }
assert new File(basedir, 'target/reflekt/breaking.sarif').isFile()
assert !log.contains('\tat ') : 'no stack trace for a breaking change'
// The pull request's changes for people: changed and deleted schemas, breaking ones marked.
def changes = new File(basedir, 'target/reflekt/changes.md').text
assert changes.startsWith('# Schema changes against `main` (')
assert changes.contains('0 added, 1 changed, 1 deleted; 2 breaking changes.')
assert changes.contains('- `shop/Cart_Viewed/1-0.json`\n  - **breaking** type changed or narrowed `cart_id`: `[string] -> [integer]`')
assert changes.contains('- `shop/Order_Completed/1-0.json` **breaking**: a published version was deleted')
assert log.contains('Reflekt breaking: change summary in ')
