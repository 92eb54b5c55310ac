// 1.1.0 adds an optional property to a closed object: compatible in BACKWARD_TRANSITIVE against release 1.0.0, which
// came from the (IT's local) Maven repository.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('eventcontracts check: 1 contracts against com.example:events-schemas:1.0.0 (mode BACKWARD_TRANSITIVE): 1 changed, 0 violations')
def md = new File(basedir, 'release-1.1.0/target/eventcontracts/compatibility-report.md').text
assert md.contains('compared with com.example:events-schemas:1.0.0')
assert md.contains('| added | `carrier` | [OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL]')
assert new File(basedir, 'release-1.1.0/target/eventcontracts/baselines/1.0.0/shipment-dispatched.json').isFile()
return true
