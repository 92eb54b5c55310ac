// Parses an AsyncAPI document with the official parser (@asyncapi/parser) and prints one JSON object on stdout:
// { parsed, diagnostics: [{severity, code, message, path}], channels: [address], operations: [{id, action}],
//   messages: [name] }. Severity as Spectral numbers it: 0 error, 1 warning, 2 information, 3 hint.
// Usage: node check-asyncapi.mjs <asyncapi.json>
import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await parser.parse(readFileSync(file, 'utf8'), { source: file });
const result = {
  parsed: document !== undefined,
  diagnostics: diagnostics.map(d => ({ severity: d.severity, code: String(d.code), message: d.message,
    path: d.path.join('/') })),
  channels: document ? document.channels().all().map(c => c.address()) : [],
  operations: document ? document.operations().all().map(o => ({ id: o.id(), action: o.action(),
    channel: o.channels().all().map(c => c.address()).join(',') })) : [],
  messages: document ? document.components().messages().all().map(m => m.name()) : [],
};
process.stdout.write(JSON.stringify(result) + '\n');
