def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt debug: configuration OK.')
// The prod profile is checked only when asked for, and then says which variable is missing, where.
assert log.contains("[FAIL] registry segment: reflekt_profiles.yml:7:23: 'api_token' uses environment variable REFLEKT_IT_UNSET_SEGMENT_TOKEN, which is not set")
assert log.indexOf('REFLEKT_IT_UNSET') > log.indexOf('Reflekt debug: configuration OK.')
