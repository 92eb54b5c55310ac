// generate-typescript writes the package sources (no Node needed): version = project version, default npm name,
// the seed's Subjects enum and event interfaces, the bundled contracts byte for byte, the runtime.
def pkg = new File(basedir, 'target/typescript')
def json = new File(pkg, 'package.json').text
assert json.contains('"name": "@eventcontracts/typescript-package"')
assert json.contains('"version": "2.3.4-SNAPSHOT"')
def subjects = new File(pkg, 'src/subjects.ts').text
assert subjects.contains('TicketCreated = "ticket:created"')
assert subjects.contains('OrderCreated = "order:created"')
def types = new File(pkg, 'src/types.ts').text
assert types.contains('export interface TicketCreatedEvent {')
assert types.contains('  subject: Subjects.TicketCreated;')
assert types.contains('  price: number;')
assert types.contains('export enum OrderStatus {')
assert types.contains('  AwaitingPayment = "awaiting:payment",')
assert new File(pkg, 'schemas/ticket-created.json').bytes == new File(basedir, 'src/main/contracts/ticket-created.json').bytes
['reading.ts', 'validate.ts', 'deadletter.ts', 'jetstream.ts', 'stan.ts'].each {
  assert new File(pkg, "src/runtime/$it").isFile()
}
def log = new File(basedir, 'build.log').text
assert log.contains('eventcontracts: TypeScript package @eventcontracts/typescript-package@2.3.4-SNAPSHOT (2 events')
return true
