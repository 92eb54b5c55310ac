def src = new File(basedir, 'target/generated-sources/eventcontracts/com/example/events/LessonScheduledEvent.java')
assert src.isFile()
assert src.text.contains('"class"') : 'the wire name "class" must be kept'
assert src.text.contains('"default"') : 'the wire name "default" must be kept'
assert new File(basedir, 'target/classes/com/example/events/LessonScheduledEvent.class').isFile()
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')
return true
