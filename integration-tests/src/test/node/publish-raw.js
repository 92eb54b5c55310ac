// A raw client (no generated code, no validation): publishes the bytes of a file to a subject with core NATS, as a
// seed service would. Usage: node publish-raw.js <nats url> <subject> <payload file>
'use strict';
const fs = require('fs');
const { connect } = require('nats');

async function main() {
  const [url, subject, file] = process.argv.slice(2);
  const nc = await connect({ servers: url });
  nc.publish(subject, fs.readFileSync(file));
  await nc.flush();
  await nc.close();
  console.log('published');
}
main().catch((e) => { console.error(e); process.exit(1); });
