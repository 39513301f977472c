def log = new File(basedir, 'build.log').text
assert log.contains('::error file=examples/shop/schemas/shop/')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'examples/shop/target/reflekt/lint.sarif'))
def run = sarif.runs[0]
assert run.originalUriBaseIds.SRCROOT.uri == basedir.canonicalFile.toPath().toUri().toString()
assert !run.results.isEmpty()
run.results.each { r ->
    def loc = r.locations[0].physicalLocation.artifactLocation
    assert loc.uriBaseId == 'SRCROOT'
    assert loc.uri.startsWith('examples/shop/schemas/')
    assert new File(basedir, loc.uri).isFile()
}
def junit = new File(basedir, 'examples/shop/target/reflekt/TEST-reflekt-lint.xml').text
assert junit.contains('file="examples/shop/schemas/shop/')
