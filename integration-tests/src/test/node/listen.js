// Node listener: one generated JetStream listener per subject (queue group "node-service"); prints each handled
// event as a JSON line {"subject", "data", "headers"}, acks it, and exits 0 once <count> events were handled
// (1 on timeout). Invalid messages never reach onMessage: the package dead-letters them.
// Usage: node listen.js <package dir> <nats url> <count> <timeout ms>
'use strict';
const path = require('path');

async function main() {
  const [pkgDir, url, count, timeoutMs] = process.argv.slice(2);
  const pkg = require(path.resolve(pkgDir, 'dist'));
  const client = await pkg.EventClient.connect(pkg.validator, { connection: { servers: url } });
  let handled = 0;
  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  const listeners = Object.values(pkg)
    .filter((v) => typeof v === 'function' && v.prototype instanceof pkg.Listener)
    .map((L) => {
      class NodeService extends L {
        constructor() { super(client); this.queueGroupName = 'node-service'; }
        onMessage(data, msg) {
          const headers = {};
          if (msg.headers) for (const k of msg.headers.keys()) headers[k] = msg.headers.get(k);
          console.log(JSON.stringify({ subject: this.subject, data, headers }));
          msg.ack();
          if (++handled >= Number(count)) finish(0);
        }
      }
      return new NodeService();
    });
  const subscriptions = [];
  for (const l of listeners) subscriptions.push(await l.listen());
  console.error('listening');
  const timer = setTimeout(() => finish(1), Number(timeoutMs));
  const code = await done;
  clearTimeout(timer);
  for (const s of subscriptions) await s.close();
  await client.close();
  process.exit(code);
}
main().catch((e) => { console.error(e); process.exit(2); });
