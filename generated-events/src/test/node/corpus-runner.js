// Gives the TypeScript validator's verdict on every sample of the agreement corpus, as JSON lines on stdout:
// {"name", "valid", "detail"}. Usage: node corpus-runner.js <corpus.jsonl> <package dir>...
// The packages are the generated ones, compiled (dist/); each sample goes to the package that has its subject.
'use strict';
const fs = require('fs');
const path = require('path');

const [corpusFile, ...packageDirs] = process.argv.slice(2);
const packages = packageDirs.map((dir) => require(path.resolve(dir, 'dist')));

function payload(sample) {
  if (sample.base64 !== undefined) return Buffer.from(sample.base64, 'base64');
  let text = sample.text;
  (sample.fills || []).forEach(([unit, count], i) => { text = text.split(`@@FILL${i}@@`).join(unit.repeat(count)); });
  return Buffer.from(text, 'utf8');
}

const out = [];
for (const line of fs.readFileSync(corpusFile, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const sample = JSON.parse(line);
  const pkg = packages.find((p) => p.validator.contractFor(sample.subject));
  if (!pkg) {
    out.push(JSON.stringify({ name: sample.name, valid: null, detail: `no package has subject ${sample.subject}` }));
    continue;
  }
  const verdict = pkg.validator.validateBytes(sample.subject, payload(sample));
  const valid = !verdict.unparseable && verdict.violations.length === 0;
  const detail = verdict.violations.map((v) => `${v.pointer}: ${v.message} [${v.keyword}]`).join('; ').slice(0, 300);
  out.push(JSON.stringify({ name: sample.name, valid, detail }));
}
process.stdout.write(out.join('\n') + '\n');
