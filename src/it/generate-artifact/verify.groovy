import java.util.jar.JarFile

def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt generate: 1 event types (java, sdk segment), written to target/generated-sources/reflekt')
assert log.contains('BUILD SUCCESS')
def jar = new JarFile(new File(basedir, 'events/target/events-1.0.jar'))
def names = jar.entries().collect { it.name }
assert names.contains('com/acme/events/OrderCompleted.class')
assert names.contains('com/acme/events/OrderCompleted$RevenueStep.class')
assert names.contains('com/acme/events/Violations.class')
assert names.contains('schemas/acme/Order_Completed/1-0.json')
assert names.contains('com/acme/events/SegmentMessages.class')
assert new File(basedir, 'service/target/classes/com/acme/service/Checkout.class').isFile()
assert !log.contains('\tat dev.reflekt')
