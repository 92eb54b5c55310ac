assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')
['ThingAuditor', 'ThingNotifier'].each {
  assert new File(basedir, "target/classes/com/example/app/${it}.class").isFile() : "$it did not compile"
}
assert new File(basedir, 'target/classes/META-INF/eventcontracts/index.json').isFile()
return true
