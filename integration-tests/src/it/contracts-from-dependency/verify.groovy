def log = new File(basedir, 'build.log').text
def extracted = new File(basedir, 'target/eventcontracts/dependencies/eventcontracts-schemas')
assert new File(extracted, 'ticket-created.json').isFile() : 'contracts were not extracted'
assert new File(extracted, 'order-status.json').isFile()
assert new File(extracted, 'ticketing/v1/payments.proto').isFile() : 'the .proto contracts were not extracted'
assert new File(basedir, 'target/classes/io/eventcontracts/ticketing/proto/PaymentCreated.class').isFile() : 'protobuf-java classes'
def src = new File(basedir, 'target/generated-sources/eventcontracts/com/example/ticketing')
['TicketCreated', 'TicketUpdated', 'OrderCreated', 'OrderCancelled', 'ExpirationComplete', 'PaymentCreated'].each {
  ['Event', 'Listener', 'Publisher'].each { suffix ->
    assert new File(src, it + suffix + '.java').isFile() : "missing ${it}${suffix}"
    assert new File(basedir, "target/classes/com/example/ticketing/${it}${suffix}.class").isFile()
  }
}
assert new File(src, 'OrderStatus.java').isFile()
assert log =~ /\[INFO\] eventcontracts: 6 events, 1 type: generated \d+ files/ : 'summary line missing'
return true
