// The bundle is built for node20 (build.mjs's esbuild target) and deployed on whichever
// runtime main.tf allows: it must run on every runtime AWS still accepts, each on its own
// Node.js major. The accepted runtimes are read from local.runtime_dates in main.tf: those
// whose create block is still ahead.
import t from 'tap';
import { parse } from '@cdktf/hcl2json';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeOfMajor } from '../helpers/node-release.js';
import { decodeQr, decodeQrText } from '../helpers/qr-decode.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const main = (await parse('main.tf', await readFile(join(root, 'main.tf'), 'utf8'))) as {
  locals: Record<string, unknown>[];
};
const dates = main.locals.map((block) => block.runtime_dates).find(Boolean) as Record<
  string,
  { create_blocked: string }
>;
const accepted = Object.entries(dates)
  .filter(([, { create_blocked }]) => Date.parse(`${create_blocked}T00:00:00Z`) > Date.now())
  .map(([runtime]) => runtime);

// The documented direct invocation, in a process of the runtime's Node, importing the bundle
// as Lambda does; the answer on file descriptor 3, apart from the function's log line.
// A dialect route, a payload builder and Kanji mode too: their chunks, loaded on first use, link to index.mjs.
const INVOKE = `
const { handler } = await import(process.argv[1]);
const context = { awsRequestId: 'runtimes-test' };
const response = await handler({ body: JSON.stringify({ url: 'https://example.com/runtimes' }) }, context);
const dialect = await handler({ version: '2.0', rawPath: '/qr', rawQueryString: 'text=dialect', headers: {}, requestContext: { http: { method: 'GET', path: '/qr' }, stage: '$default' } }, context);
const builder = await handler({ body: JSON.stringify({ type: 'geo', latitude: 1.5, longitude: 2 }) }, context);
const kanji = await handler({ body: JSON.stringify({ url: '東京タワー', mode: 'kanji' }) }, context);
(await import('node:fs')).writeSync(3, JSON.stringify({ node: process.version, response, dialect, builder, kanji }));
`;

t.ok(accepted.includes('nodejs24.x'), `runtimes AWS accepts today: ${accepted.join(', ')}`);
t.notOk(accepted.includes('nodejs20.x'), 'nodejs20.x is past its create block');
const target = Number(/target: 'node(\d+)'/.exec(await readFile(join(root, 'build.mjs'), 'utf8'))?.[1]);
t.equal(target, 20, 'build.mjs targets node20');

for (const runtime of accepted) {
  const major = Number(/^nodejs(\d+)\.x$/.exec(runtime)?.[1]);
  t.test(`${runtime}: the bundle answers the documented invoke on Node.js ${major}`, async (t) => {
    t.ok(target <= major, `node${target} code is within Node.js ${major}`);
    const node = await nodeOfMajor(major);
    const result = spawnSync(
      node.path,
      ['--input-type=module', '-e', INVOKE, pathToFileURL(join(root, 'build/lambda/index.mjs')).href],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] },
    );
    t.equal(result.status, 0, `exit status${result.status === 0 ? '' : `: ${result.stderr.slice(-400)}`}`);
    interface Answer {
      statusCode: number;
      body: string;
    }
    const {
      node: version,
      response,
      dialect,
      builder,
      kanji,
    } = JSON.parse(String(result.output[3])) as {
      node: string;
      response: Answer;
      dialect: Answer;
      builder: Answer;
      kanji: Answer;
    };
    t.equal(version, `v${node.version}`, `ran on Node.js ${node.version}`);
    t.equal(response.statusCode, 200);
    const body = JSON.parse(response.body) as { message: string; qr_code: string };
    t.equal(body.message, 'QR Code generated successfully');
    t.equal(
      await decodeQrText(Buffer.from(body.qr_code, 'base64')),
      'https://example.com/runtimes',
      'the PNG decodes to the URL',
    );
    t.equal(dialect.statusCode, 200, 'GET /qr, from its chunk');
    t.equal(await decodeQrText(Buffer.from(dialect.body, 'base64')), 'dialect');
    t.equal(builder.statusCode, 200, 'a geo builder, from its chunk');
    t.equal((JSON.parse(builder.body) as { payload: string }).payload, 'geo:1.5,2');
    t.equal(kanji.statusCode, 200, 'mode kanji, its table from its chunk');
    const kanjiCode = await decodeQr(Buffer.from((JSON.parse(kanji.body) as { qr_code: string }).qr_code, 'base64'));
    t.equal(kanjiCode.text, '東京タワー');
  });
}
