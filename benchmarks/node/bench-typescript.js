// Node side of the TypeScript benchmarks (docs/benchmarks.md, "TypeScript package"): the generated package's
// validation of the JMH ValidationBenchmark payload, and typed vs raw `nats` JetStream publish/receive of the same
// bytes. Usage: node bench-typescript.js <compiled package dir> [nats url]
'use strict';
const path = require('path');

const PAYLOAD = '{"id":"5f9d7b3a8c1e2d0017a4b6c1","version":0,"title":"The Midnight Echoes - Spring Tour, Row 12 Seat 7",'
  + '"price":85.5,"userId":"5f9d7b3a8c1e2d0017a4b6aa"}';

function rate(label, seconds, fn) {
  const end = Date.now() + 1000;          // warm-up 1 s
  while (Date.now() < end) fn();
  let n = 0;
  const start = process.hrtime.bigint();
  const stop = start + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < stop) { for (let i = 0; i < 100; i++) fn(); n += 100; }
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(44)} ${Math.round(n / s).toLocaleString('en-US').padStart(12)} ops/s`);
}

async function pubsub(pkg, url, count) {
  const { connect, AckPolicy, DeliverPolicy } = require('nats');
  const data = JSON.parse(PAYLOAD);
  const bytes = Buffer.from(PAYLOAD);
  const client = await pkg.EventClient.connect(pkg.validator, { connection: { servers: url } });
  const nc = await connect({ servers: url });
  const js = nc.jetstream();
  const publisher = new pkg.TicketCreatedPublisher(client);
  await publisher.publish(data);
  async function timed(label, fn) {
    for (let i = 0; i < 200; i++) await fn();               // warm-up
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) await fn();
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(`${label.padEnd(44)} ${Math.round(count / s).toLocaleString('en-US').padStart(12)} msgs/s`);
  }
  for (let round = 0; round < 2; round++) {
    await timed('publish raw nats (js.publish, awaited)', () => js.publish('ticket:created', bytes));
    await timed('publish typed (TicketCreatedPublisher)', () => publisher.publish(data));
  }
  // receive: drain everything published so far, raw consumer vs generated listener, each its own durable
  const jsm = await nc.jetstreamManager();
  const total = (await jsm.streams.info('EVENTCONTRACTS')).state.messages;
  await jsm.consumers.add('EVENTCONTRACTS', { durable_name: 'raw__bench', ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All, filter_subject: 'ticket:created', max_ack_pending: 64 });
  let start = process.hrtime.bigint();
  const messages = await (await js.consumers.get('EVENTCONTRACTS', 'raw__bench')).consume();
  let n = 0;
  for await (const m of messages) { JSON.parse(Buffer.from(m.data).toString('utf8')); m.ack(); if (++n === total) break; }
  let s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${'receive raw nats (consume, JSON.parse, ack)'.padEnd(44)} ${Math.round(total / s).toLocaleString('en-US').padStart(12)} msgs/s (${total} msgs)`);
  let handled = 0;
  let done;
  const finished = new Promise((r) => { done = r; });
  class Bench extends pkg.TicketCreatedListener {
    constructor() { super(client); this.queueGroupName = 'typed-bench'; }
    onMessage(d, msg) { msg.ack(); if (++handled === total) done(); }
  }
  start = process.hrtime.bigint();
  const sub = await new Bench().listen();
  await finished;
  s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${'receive typed (TicketCreatedListener, validated)'.padEnd(44)} ${Math.round(total / s).toLocaleString('en-US').padStart(12)} msgs/s (${total} msgs)`);
  await sub.close();
  await nc.drain();
  await client.close();
}

async function main() {
  const [pkgDir, url] = process.argv.slice(2);
  const pkg = require(path.resolve(pkgDir, 'dist'));
  const bytes = Buffer.from(PAYLOAD);
  const parsed = JSON.parse(PAYLOAD);
  if (pkg.validator.validateBytes('ticket:created', bytes).violations.length !== 0) throw new Error('invalid sample');
  const ajvOnly = pkg.validator.compiled.get(pkg.validator.contractFor('ticket:created').id);
  console.log(`node ${process.version}`);
  for (let round = 0; round < 2; round++) {
    rate('validate value (ajv compiled, parsed object)', 3, () => ajvOnly(parsed));
    rate('validateBytes (reading + numbers + ajv)', 3, () => pkg.validator.validateBytes('ticket:created', bytes));
    rate('JSON.parse only', 3, () => JSON.parse(bytes.toString('utf8')));
  }
  if (url) await pubsub(pkg, url, 5000);
}
main().catch((e) => { console.error(e); process.exit(1); });
