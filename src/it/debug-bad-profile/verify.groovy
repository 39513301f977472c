def log = new File(basedir, 'build.log').text
assert log.contains('[OK  ] reflekt_project.yml: valid (project it_project')
assert log.contains("[FAIL] source warehouse: reflekt_profiles.yml:10:7: 'user' uses environment variable REFLEKT_IT_UNSET_USER, which is not set")
assert log.contains('Reflekt debug: 1 check failed; see the [FAIL] lines above.')
assert !log.contains('do-not-print-this-token') : 'a secret reached the log'
assert !log.contains('\tat ')
