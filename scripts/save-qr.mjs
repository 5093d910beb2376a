// Reads a function result (as `aws lambda invoke` writes it) or an API response body,
// prints the status, and writes the QR image it carries to a file.
//   node scripts/save-qr.mjs <response.json> <out.png>
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/save-qr.mjs <response.json> <out.png>');
  process.exit(2);
}
const result = JSON.parse(readFileSync(input, 'utf8'));
// A direct invocation returns {statusCode, body}; the HTTP API returns the body itself.
const status = result.statusCode ?? 200;
const body = typeof result.body === 'string' ? JSON.parse(result.body) : result;
console.log(`status ${status}${body.error ? `: ${body.error}` : ''}`);
if (!body.qr_code) process.exit(1);
writeFileSync(output, Buffer.from(body.qr_code, 'base64'));
console.log(`wrote ${output} (${body.width}×${body.height} ${body.format}) for ${JSON.stringify(body.url)}`);
