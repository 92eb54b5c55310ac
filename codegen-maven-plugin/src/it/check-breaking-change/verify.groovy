// check fails in BACKWARD against git HEAD: exactly one violation, file:line: what; what to do, also in the reports.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def expected = 'contracts/shipment-dispatched.json:12: shipment:dispatched carrier: REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL ' +
    'breaks BACKWARD (absent -> string, required: new consumers cannot read events written with git HEAD ('
def errors = (log.readLines().findAll { it.startsWith('[ERROR] contracts/') } as Set) as List // logged, then repeated in the failure
assert errors.size() == 1 : errors
assert errors[0].startsWith('[ERROR] ' + expected) : errors[0]
assert errors[0].endsWith('make the property optional, or raise "x-version" to 2 ' +
    '(a new major, docs/compatibility.md#versioning)') : errors[0]
assert log.contains('1 compatibility violation (each line says what to do; report: target/eventcontracts/compatibility-report.md)')
def md = new File(basedir, 'target/eventcontracts/compatibility-report.md').text
assert md.startsWith('# Contract compatibility report\n\n**Failed.**')
assert md.contains('| added | `carrier` | [REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL]')
def xml = new File(basedir, 'target/eventcontracts/TEST-eventcontracts-compatibility.xml').text
assert xml.contains('<testsuite name="eventcontracts.compatibility" tests="1" failures="1" errors="0" skipped="0">')
assert xml.contains('<failure message="' + expected.replace('>', '&gt;'))
return true
