def log = new File(basedir, 'build.log').text
def src = new File(basedir, 'target/generated-sources/eventcontracts/com/example/events')
def classes = new File(basedir, 'target/classes/com/example/events')
def res = new File(basedir, 'target/generated-resources/eventcontracts/META-INF/eventcontracts')

['ShipmentDispatchedEvent', 'ShipmentDeliveredEvent', 'ShipmentDispatchedParcel', 'Priority',
 'ShipmentDispatchedListener', 'ShipmentDeliveredListener', 'ShipmentDispatchedPublisher',
 'ShipmentDeliveredPublisher', 'Subjects', 'EventTypes'].each { name ->
  def file = new File(src, name + '.java')
  assert file.isFile() : "missing generated source " + file
  assert file.text.contains(' ' + name + ' ') || file.text.contains(' ' + name + '\n') || file.text.contains(' ' + name + '{') :
      "$file does not declare $name"
  assert new File(classes, name + '.class').isFile() : "$name was not compiled"
}
def subjects = new File(src, 'Subjects.java').text
assert subjects.contains('SHIPMENT_DISPATCHED("shipment:dispatched")')
assert subjects.contains('SHIPMENT_DELIVERED("shipment:delivered")')
assert new File(src, 'Priority.java').text.contains('EXPRESS_SAME_DAY')
assert new File(src, 'ShipmentDispatchedListener.java').text.contains('extends Listener<ShipmentDispatchedEvent>')
assert new File(src, 'ShipmentDeliveredPublisher.java').text.contains('extends Publisher<ShipmentDeliveredEvent>')

['schemas/priority.json', 'schemas/shipment-dispatched.json', 'schemas/shipment-delivered.json', 'index.json'].each {
  assert new File(res, it).isFile() : "missing bundled resource $it"
  assert new File(basedir, 'target/classes/META-INF/eventcontracts/' + it).isFile() : "$it not copied to classes"
}
assert new File(res, 'schemas/priority.json').text == new File(basedir, 'src/main/contracts/priority.json').text
def index = new groovy.json.JsonSlurper().parse(new File(res, 'index.json'))
assert index.contracts.size() == 3
assert index.contracts.findAll { it.kind == 'event' }*.subject.sort() == ['shipment:delivered', 'shipment:dispatched']

assert log =~ /\[INFO\] eventcontracts: 2 events, 1 type: generated \d+ files \(\d+ ms\)/ : 'summary line missing'
return true
