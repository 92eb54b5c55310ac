// A seed-style Node service written only with node-nats-streaming and JSON.stringify (no generated code), as in the
// course notes: random client id, queue group + durable name, manual ack, ack wait 5 s, deliver all available.
// It publishes one ticket:created, waits for one order:created (printed as a JSON line), answers with
// payment:created for that order, and exits 0 (1 after <timeout ms>).
// Usage: node stan-seed-service.js <nats url> <cluster id> <timeout ms>
'use strict';
const nats = require('node-nats-streaming');
const { randomBytes } = require('crypto');

const [url, clusterId, timeoutMs] = process.argv.slice(2);
const stan = nats.connect(clusterId, randomBytes(4).toString('hex'), { url });
const timer = setTimeout(() => { console.error('timed out'); process.exit(1); }, Number(timeoutMs));

function publish(subject, data) {
  return new Promise((resolve, reject) => {
    stan.publish(subject, JSON.stringify(data), (err) => (err ? reject(err) : resolve()));
  });
}

stan.on('connect', async () => {
  const options = stan.subscriptionOptions()
    .setDeliverAllAvailable()
    .setManualAckMode(true)
    .setAckWait(5 * 1000)
    .setDurableName('payments-service');
  const subscription = stan.subscribe('order:created', 'payments-service', options);
  subscription.on('message', async (msg) => {
    const data = JSON.parse(msg.getData());
    console.log(JSON.stringify({ subject: msg.getSubject(), data }));
    await publish('payment:created', { id: 'payment-node-1', orderId: data.id, stripeId: 'ch_node' });
    msg.ack();
    clearTimeout(timer);
    subscription.close();
    stan.close();
  });
  await publish('ticket:created', { id: 'ticket-node-1', version: 0, title: 'Node concert', price: 19.99, userId: 'u-node' });
  console.error('published ticket:created');
});
stan.on('close', () => process.exit(0));
stan.on('error', (e) => { console.error(e); process.exit(2); });
