// Serves one implementation to the benchmark over fd 3 (stdout is the function's own
// log, discarded). Started fresh, it first reports its init: import + first call.
//   node node-worker.mjs <module> <event-json>
// Commands, one per line: "warm N" → ms per call over N calls; "warm-for MS" → the same,
// calling for MS milliseconds; "size" → bytes of the PNG; "rss N" → peak RSS after N more calls.
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const started = performance.now();
const [modulePath, eventJson] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(modulePath).href);
const event = JSON.parse(eventJson);
const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000 };
let last = await handler(event, context);
const out = createWriteStream(null, { fd: 3 });
const reply = (value) => out.write(`${JSON.stringify(value)}\n`);
reply({ initMs: performance.now() - started });

// The image: base64 in the JSON of POST /generate, or the body itself (GET routes).
const png = () => Buffer.from(last.isBase64Encoded ? last.body : JSON.parse(last.body).qr_code, 'base64');

for await (const line of createInterface({ input: process.stdin })) {
  const [command, count] = line.split(' ');
  const n = Number(count);
  if (command === 'warm') {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) last = await handler(event, context);
    reply({ msPerCall: (performance.now() - t0) / n });
  } else if (command === 'warm-for') {
    const t0 = performance.now();
    let calls = 0;
    while (performance.now() - t0 < n) {
      last = await handler(event, context);
      calls++;
    }
    reply({ msPerCall: (performance.now() - t0) / calls });
  } else if (command === 'size') {
    reply({ bytes: png().length });
  } else if (command === 'rss') {
    for (let i = 0; i < n; i++) last = await handler(event, context);
    reply({ maxRssKb: process.resourceUsage().maxRSS });
  }
}
