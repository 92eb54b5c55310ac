// The same change with x-version 1 -> 2 passes: the report records the breaking change and why it is accepted.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.readLines().any { it.startsWith('[ERROR]') }
assert log.contains('shipment:dispatched (shipment-dispatched.json, v1 → v2): 2 changes, BACKWARD ✗ FORWARD ✗, mode BACKWARD: ok (major 1 -> 2: breaking changes accepted (a new major))')
def md = new File(basedir, 'target/eventcontracts/compatibility-report.md').text
assert md.startsWith('# Contract compatibility report\n\n**Passed.**')
assert md.contains('| `shipment:dispatched` | shipment-dispatched.json | v1 → v2 | BACKWARD | 2 | ✗ | ✗ | ✗ | ok: major 1 -> 2: breaking changes accepted (a new major) |')
def xml = new File(basedir, 'target/eventcontracts/TEST-eventcontracts-compatibility.xml').text
assert xml.contains('<testsuite name="eventcontracts.compatibility" tests="1" failures="0" errors="0" skipped="0">')
return true
