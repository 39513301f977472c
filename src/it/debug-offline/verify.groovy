def log = new File(basedir, 'build.log').text
assert log.contains('Maven is offline (-o), and reflekt:debug with reflekt.debug.connect reaches registries and sources; run it without -o.')
assert !log.contains('Exception:')
