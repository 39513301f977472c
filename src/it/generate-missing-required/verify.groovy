def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt generate: 1 event types')
assert log.contains('COMPILATION ERROR')
assert log.contains('Checkout.java:[11,57] cannot find symbol')
assert log.contains('symbol:   method build()')
assert log.contains('location: interface com.acme.events.OrderCompleted.RevenueStep')
assert new File(basedir, 'events/target/events-1.0.jar').isFile()
assert !log.contains('\tat dev.reflekt')
