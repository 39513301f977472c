def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt lint: 2 schemas, 0 errors, 0 warnings in ')
assert log.contains('BUILD SUCCESS')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/reflekt/lint.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.isEmpty()
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/reflekt/TEST-reflekt-lint.xml'))
assert junit.@tests == '2'
assert junit.@failures == '0'
