def log = new File(basedir, 'build.log').text
// The last run's log: reflekt.lint.skip. The schema would fail lint, so a pass proves the skip.
assert log.contains('Skipping Reflekt lint: reflekt.lint.skip is true.')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/reflekt/lint.sarif').exists()
