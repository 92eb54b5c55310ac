// The quick start in README.md must be what this IT builds: same pom (version aside), contract and code.
def readme = new File(basedir, '../../../../README.md').text
def quickStart = readme.substring(readme.indexOf('## Quick start'), readme.indexOf('## Layout'))
def blocks = [:]
(quickStart =~ /(?s)```(xml|json|java)\n(.*?)```/).each { m -> blocks[m[1]] = m[2] }
def norm = { String s -> s.replaceAll(/\s+/, ' ').trim() }

assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS') : "the quick-start build failed: see ${basedir}/build.log"
def pom = new File(basedir, 'pom.xml').text
assert norm(pom) == norm(blocks['xml'].replace('0.1.0-SNAPSHOT', projectVersion)) : 'README pom and IT pom differ'
assert norm(new File(basedir, 'src/main/contracts/ticket-created.json').text) == norm(blocks['json']) : 'contract differs'
def code = new File(basedir, 'src/main/java/com/example/QuickStart.java').text.readLines()*.trim() as Set
blocks['java'].readLines()*.trim().findAll { it }.each { line ->
  assert code.contains(line) : "README line not in QuickStart.java: $line"
}
assert new File(basedir, 'target/classes/com/example/QuickStart.class').isFile()
assert new File(basedir, 'target/classes/com/example/events/TicketCreatedPublisher.class').isFile()
return true
