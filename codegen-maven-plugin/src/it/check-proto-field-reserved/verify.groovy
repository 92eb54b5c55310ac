// The field removed with its number and name reserved: FORWARD passes; the report lists the JSON shape change only.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('PROTO_FIELD_REMOVED_NOT_RESERVED')
def md = new File(basedir, 'target/eventcontracts/compatibility-report.md').text
assert md.contains('[PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL]')
assert !md.contains('PROTO_')
def xml = new File(basedir, 'target/eventcontracts/TEST-eventcontracts-compatibility.xml').text
assert xml.contains('failures="0"')
return true
