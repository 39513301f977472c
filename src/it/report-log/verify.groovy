def log = new File(basedir, 'build.log').text
// Maven 3.8 writes bare ANSI resets around its output: not ours.
def reportLines = log.readLines().collect { it.replaceAll(/\u001B\[[0-9;]*m/, '') }.findAll { !(it =~ /\[(INFO|WARNING|ERROR)\]/) && !it.isBlank() && !it.startsWith('Running') && !it.startsWith('Finished') }
assert reportLines.isEmpty() : "printed outside the log: ${reportLines}"
assert log.contains('Reflekt report: 2 schema pages; index at ')
assert new File(basedir, 'target/reflekt/report/index.md').isFile()
