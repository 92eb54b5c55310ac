// check fails in FORWARD against git HEAD: the removed field's number and name are free for reuse. One violation,
// working file:line first, the baseline's declaration with its file:line, what to do; the reports say so too.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def expected = 'proto/thing.proto:8: thing:shipped note: PROTO_FIELD_REMOVED_NOT_RESERVED breaks FORWARD ' +
    '(string note = 2 (thing.proto:15) -> removed, number 2 and name "note" not reserved: consumers on git HEAD ('
def errors = (log.readLines().findAll { it.startsWith('[ERROR] proto/') } as Set) as List // logged, then repeated
assert errors.size() == 1 : errors
assert errors[0].startsWith('[ERROR] ' + expected) : errors[0]
assert errors[0].endsWith(') cannot read new events); reserve its number and its name in the message ' +
    '(reserved <number>; reserved "<name>";), ' +
    'or raise "x-version" to 2 (a new major, docs/compatibility.md#versioning)') : errors[0]
assert log.contains('1 compatibility violation (each line says what to do; report: target/eventcontracts/compatibility-report.md)')
def md = new File(basedir, 'target/eventcontracts/compatibility-report.md').text
assert md.startsWith('# Contract compatibility report\n\n**Failed.**')
assert md.contains('[PROTO_FIELD_REMOVED_NOT_RESERVED]')
assert md.contains('[PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL]')
def xml = new File(basedir, 'target/eventcontracts/TEST-eventcontracts-compatibility.xml').text
assert xml.contains('<failure message="' + expected.replace('>', '&gt;').replace('"', '&quot;'))
return true
