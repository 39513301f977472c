def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] reflekt_project.yml:9:7: invalid value for 'schemas.conventions.event.casing': does not have a value in the enumeration")
assert log.contains("[ERROR] reflekt_project.yml:16:7: unknown key 'schemas.conventions.property.plural'; remove it or correct its spelling.")
assert log.contains('2 problems in the Reflekt configuration; see the lines above.')
assert !log.contains('\tat ') : 'a config mistake must not print a stack trace'
