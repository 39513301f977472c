def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'pom.xml').exists()
assert log.contains('Reflekt lint: 1 schema, 0 errors, 0 warnings in ')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/reflekt/lint.sarif').isFile()
assert new File(basedir, 'target/reflekt/TEST-reflekt-lint.xml').isFile()
