def log = new File(basedir, 'build.log').text
assert log.contains('Skipping Reflekt lint: reactor aggregates modules and has no reflekt_project.yml; its modules are checked on their own.')
assert !log.contains('No reflekt_project.yml')
// Both schema modules linted, in the direct call and in the -T 2 build; the plain one skipped.
assert log.count('Reflekt lint: 2 schemas, 0 errors, 0 warnings') == 4
assert log.contains('Reflekt lint in module schemas-a:') && log.contains('Reflekt lint in module schemas-b:')
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')
assert log.count('Unknown property reflekt.selct is ignored by every Reflekt goal; did you mean reflekt.select?') == 1
assert log.count('Unknown property reflekt.aginst is ignored by every Reflekt goal; did you mean reflekt.against?') == 1
