// Every line that starts with :: is one of Reflekt's own annotations, for a schema file; no raw control
// character reaches the log; the forged words are there, escaped, inside ordinary lines.
// Maven 3.8.7 colours its own lines even with -B: those escape sequences are Maven's, not the schema's
def log = new File(basedir, 'build.log').getText('UTF-8').replaceAll('\u001b\\[[0-9;]*m', '')
def lines = log.split('\n', -1)
def commands = lines.findAll { it.stripLeading().startsWith('::') }
assert !commands.isEmpty() : 'the real annotations are missing'
commands.each { assert it ==~ /^::(error|warning) file=(\S*\/)?schemas\/shop\/Forged_Event\/1-0\.json,line=\d+,col=\d+,title=reflekt [a-z-]+::[^\r]*/ : "forged: $it" }
assert commands.size() == 6
assert !log.contains('\r')
lines.each { line -> assert !line.chars.any { it < 0x20 && it != 0x09 } : "control character in: $line" }
assert log.contains('FORGED-LF')
assert log.contains('a\\n::error file=README.md,line=1::FORGED-LF')
assert log.contains('b\\r::add-mask::MASKED-WORD')
assert log.contains('d\\u0001\\u000b\\u001b[31m')
assert log.contains('Reflekt build:') && log.contains('Reflekt generate:') && log.contains('Reflekt report')
assert new File(basedir, 'target/reflekt/TEST-reflekt-lint.xml').exists()
new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/reflekt/TEST-reflekt-lint.xml'))
assert !log.contains('Exception:') && !log.contains('\tat ')
