def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/eventcontracts-catalog')
assert log.contains('eventcontracts: catalog of 1 event and 1 type written to')

['index.html', 'contracts/shipment-dispatched.html', 'contracts/priority.html', 'schemas/shipment-dispatched.json',
 'schemas/priority.json', 'shipping-asyncapi.json'].each {
  assert new File(out, it).isFile() : "missing catalog file $it"
}
assert !new File(out, 'asyncapi.json').exists() : 'the configured file name is used'
assert new File(out, 'schemas/priority.json').text == new File(basedir, 'src/main/contracts/priority.json').text

def index = new File(out, 'index.html').text
assert index.contains('<title>Shipping events</title>') : 'title defaults to the project name'
assert index.contains('<a href="contracts/shipment-dispatched.html"><code>shipment:dispatched</code></a>')
assert index.contains('<td>2</td><td>warehouse</td><td>billing, tracking</td>')
assert index.contains('<a href="shipping-asyncapi.json">AsyncAPI 3.0 document</a>')

def page = new File(out, 'contracts/shipment-dispatched.html').text
assert page.contains('A parcel left the warehouse &lt;fast &amp; safe&gt;.') : 'descriptions are escaped'
assert !page.contains('<fast')
assert page.contains('<td><code>note</code></td><td>string | <code>null</code></td><td>required</td><td>yes</td>')
assert page.contains('Exactly one of these branches (<code>oneOf</code>); the branch is told by the property <code>kind</code>.')
assert page.contains('<a href="priority.html#type-Priority">Priority</a>')
assert page =~ /&quot;id&quot; : &quot;SH-[0-9]{6}&quot;/ : 'the example id matches the pattern'
assert page.contains('&quot;kind&quot; : &quot;courier&quot;')

def api = new groovy.json.JsonSlurper().parse(new File(out, 'shipping-asyncapi.json'))
assert api.asyncapi == '3.0.0'
assert api.info.title == 'Shipping events'
assert api.info.version == '2.3.0' : 'version defaults to the project version'
assert api.channels.keySet() == ['shipment:dispatched'] as Set
assert api.channels['shipment:dispatched'].address == 'shipment:dispatched'
assert api.operations.keySet() == ['warehouse.send.shipment:dispatched', 'billing.receive.shipment:dispatched',
                                   'tracking.receive.shipment:dispatched'] as Set
assert api.components.schemas.ShipmentDispatched.schemaFormat == 'application/schema+json;version=2020-12'
assert api.components.schemas.ShipmentDispatched.schema.properties.priority['$ref'] == '#/components/schemas/Priority/schema'
assert api.components.messages.ShipmentDispatched.examples[0].payload.carrier.kind == 'courier'
return true
