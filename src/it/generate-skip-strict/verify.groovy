def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt generate: 2 event types, 1 skipped (see the warnings above; -Dreflekt.generate.strict=true fails on them) (java, typescript, sdk snowplow), written to out/java, written to out/ts')
assert log.contains("[WARNING] skipped event 'Batch' (schemas/shop/Batch/1-0.json): it cannot be typed")
assert log.contains('[WARNING]   schemas/shop/Batch/1-0.json:12:3: the schema describes an array, not an object')
assert log.contains('[ERROR] schemas/shop/Batch/1-0.json:12:3: the schema describes an array, not an object')
assert log.contains('1 event(s) cannot be typed and reflekt.generate.strict is true; fix them, or set it to false to generate the others.')
def java = new File(basedir, 'out/java/com/example/events/ItemMoved.java').text
assert java.contains('public static final class ItemId {')
assert java.contains('public static ItemId ofLong(long value) {')
assert java.contains('public static Position of(Double item0, Double item1) {')
assert !new File(basedir, 'out/java/com/example/events/Batch.java').exists()
assert new File(basedir, 'out/ts/events.ts').text.contains('position?: [number, number];')
assert !log.contains('\tat dev.reflekt')
