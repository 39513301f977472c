// The Reflekt project lives in a subfolder of the Maven project; reports still go to the pom's target/.
def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt lint: 1 schema, 0 errors, 0 warnings in ')
assert log.contains('(reports in target/reflekt)')
assert new File(basedir, 'target/reflekt/lint.sarif').isFile()
