// A consumer project with a .proto contract: protoc came from the Maven repository (no install), the event from
// the .proto got the same event class and stubs as a JSON Schema one, protobuf-java classes were generated and
// compiled, the JSON Schema derived from the .proto is bundled, and the twin agreed with its JSON Schema.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def src = new File(basedir, 'target/generated-sources/eventcontracts')
['ShopOrderShipped', 'ShopCustomerNotified'].each { name ->
  ['Event', 'Listener', 'Publisher'].each { suffix ->
    assert new File(src, "com/example/shop/${name}${suffix}.java").isFile() : "missing ${name}${suffix}"
    assert new File(basedir, "target/classes/com/example/shop/${name}${suffix}.class").isFile()
  }
}
assert new File(basedir, 'target/classes/com/example/shop/Carrier.class').isFile() &&
    new File(basedir, 'target/classes/com/example/shop/Parcel.class').isFile() : 'nested message class missing'
assert new File(basedir, 'target/classes/com/example/shop/proto/OrderShipped.class').isFile() : 'protobuf-java class'
assert new File(basedir, 'target/classes/com/example/app/ShipmentAuditor.class').isFile()
def subjects = new File(src, 'com/example/shop/Subjects.java').text
assert subjects.contains('SHOP_ORDER_SHIPPED("shop.order-shipped")')
def derived = new File(basedir, 'target/classes/META-INF/eventcontracts/schemas/shop/v1/order-shipped.json')
assert derived.isFile() : 'derived JSON Schema not bundled'
def schema = new groovy.json.JsonSlurper().parse(derived)
assert schema['x-subject'] == 'shop.order-shipped'
assert schema['x-version'] == 2
assert schema.required == ['orderId', 'shippedAt']
assert schema.properties.shippedAt.format == 'date-time'
assert schema.properties.tracking.type == 'string'
assert schema.properties.tracking.pattern == '^-?[0-9]+$'
def index = new File(basedir, 'target/classes/META-INF/eventcontracts/index.json').text
assert index.contains('"protobufJavaType" : "com.example.shop.proto.OrderShipped"')
assert index.contains('"protobufJavaType" : "com.example.shop.proto.CustomerNotified"')
assert log =~ /\[INFO\] eventcontracts: 2 events, 0 types: generated \d+ files/ : 'summary line missing'
return true
