// Reads the dead letters stored for a subject (stream EVENTCONTRACTS_DEADLETTER, subject deadletter.<subject>) with
// the generated package's readDeadLetter, whichever runtime wrote them; prints one JSON line per envelope.
// Usage: node read-deadletters.js <package dir> <nats url> <subject>
'use strict';
const path = require('path');
const { connect } = require('nats');

async function main() {
  const [pkgDir, url, subject] = process.argv.slice(2);
  const pkg = require(path.resolve(pkgDir, 'dist'));
  const nc = await connect({ servers: url });
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info('EVENTCONTRACTS_DEADLETTER');
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    let m;
    try { m = await jsm.streams.getMessage('EVENTCONTRACTS_DEADLETTER', { seq }); } catch (e) { continue; }
    if (m.subject !== `deadletter.${subject}`) continue;
    const envelope = pkg.readDeadLetter(m.data);
    console.log(JSON.stringify({
      reason: envelope.reason, subject: envelope.subject, queueGroup: envelope.queueGroup,
      violations: envelope.violations, payload: Buffer.from(envelope.payload).toString('utf8'),
      header: m.header ? m.header.get('Ec-Dead-Letter-Reason') : null,
    }));
  }
  await nc.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
