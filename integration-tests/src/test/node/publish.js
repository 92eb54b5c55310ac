// Node publisher: publishes each event of a JSON-lines file ({"subject", "data"}) with the generated package's
// JetStream publisher of its subject (validated first). Usage: node publish.js <package dir> <nats url> <events.jsonl>
'use strict';
const fs = require('fs');
const path = require('path');

async function main() {
  const [pkgDir, url, file] = process.argv.slice(2);
  const pkg = require(path.resolve(pkgDir, 'dist'));
  const client = await pkg.EventClient.connect(pkg.validator, { connection: { servers: url } });
  const publishers = Object.values(pkg)
    .filter((v) => typeof v === 'function' && v.prototype instanceof pkg.Publisher)
    .map((P) => new P(client));
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())) {
    const { subject, data } = JSON.parse(line);
    const publisher = publishers.find((p) => p.subject === subject);
    const ack = await publisher.publish(data);
    console.log(JSON.stringify({ subject, seq: ack.seq, stream: ack.stream }));
  }
  await client.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
