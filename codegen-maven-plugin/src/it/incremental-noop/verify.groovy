def log = new File(basedir, 'build.log').text
def marker = new File(basedir, 'target/second-run.marker')
assert marker.isFile() : 'the second invocation did not run'

def summaries = log.readLines().findAll { it.contains('[INFO] eventcontracts: ') }
assert summaries.size() == 2 : "expected one summary line per run, got: $summaries"
assert summaries[0] =~ /generated \d+ files/ : "first run should generate: ${summaries[0]}"
assert summaries[1].contains('up to date') : "second run should be a no-op: ${summaries[1]}"

def outputs = []
new File(basedir, 'target/generated-sources/eventcontracts').eachFileRecurse { if (it.isFile()) outputs << it }
new File(basedir, 'target/generated-resources/eventcontracts').eachFileRecurse { if (it.isFile()) outputs << it }
assert outputs.size() >= 6
outputs.each {
  assert it.lastModified() < marker.lastModified() : "$it was rewritten by the no-op run"
}
return true
