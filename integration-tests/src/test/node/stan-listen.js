// The generated package's NATS Streaming listener (dist/stan-events): handles expiration:complete in queue group
// "node-service", prints each handled event as a JSON line and exits 0 after the first (1 after <timeout ms>).
// Invalid messages never reach onMessage: the package dead-letters them to deadletter.expiration:complete.
// Usage: node stan-listen.js <package dir> <nats url> <cluster id> <timeout ms>
'use strict';
const path = require('path');
const nats = require('node-nats-streaming');
const { randomBytes } = require('crypto');

const [pkgDir, url, clusterId, timeoutMs] = process.argv.slice(2);
const pkg = require(path.resolve(pkgDir, 'dist'));
const stanEvents = require(path.resolve(pkgDir, 'dist/stan-events'));
const stan = nats.connect(clusterId, randomBytes(4).toString('hex'), { url });
setTimeout(() => { console.error('timed out'); process.exit(1); }, Number(timeoutMs));

class ExpirationHandler extends stanEvents.ExpirationCompleteStanListener {
  constructor() { super(stan, pkg.validator); this.queueGroupName = 'node-service'; }
  onMessage(data, msg) {
    console.log(JSON.stringify({ subject: this.subject, data }));
    msg.ack();
    setTimeout(() => stan.close(), 200);
  }
}
stan.on('connect', () => { new ExpirationHandler().listen(); console.error('listening'); });
stan.on('close', () => process.exit(0));
stan.on('error', (e) => { console.error(e); process.exit(2); });
