import t from 'tap';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CapacityExceededError } from '../../../lambda/qr/errors.js';
import { EC_LEVELS, type EcLevel } from '../../../lambda/qr/ec-level.js';
import { encodeSymbol } from '../../../lambda/qr/symbol.js';
import { RUNS_PER_LEVEL, sameAsQrcode, type PropertyReport } from '../../helpers/qr-oracle.js';
import { digestOf, qrcodeDigest, QrcodeMemo } from '../../helpers/qrcode-memo.js';

const oracle = fileURLToPath(new URL('../../helpers/qr-oracle.ts', import.meta.url));

/**
 * One process per level, side by side. They run without the coverage counters (and the
 * test runner's hooks): module-for-module comparison is a correctness check, and the
 * counters would make it several times slower. The QR core's coverage comes from the
 * other tests here.
 */
async function runAt(level: EcLevel): Promise<PropertyReport> {
  const { stdout } = await promisify(execFile)(
    'env',
    ['-u', 'NODE_V8_COVERAGE', '-u', 'NODE_OPTIONS', process.execPath, '--import', 'tsx', oracle, level],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as PropertyReport;
}

t.test(
  `${RUNS_PER_LEVEL} random texts at each level — numeric, alphanumeric, byte and mixed, versions 1-40 and their boundaries — are qrcode's symbols, module for module`,
  async (t) => {
    const reports = await Promise.all(EC_LEVELS.map(runAt));
    for (const report of reports) {
      t.equal(report.failure, undefined, `${report.level}: every symbol of ${report.runs} the same`);
      t.equal(report.versions, 40, `${report.level}: every version drawn`);
      t.equal(report.kinds, 4, `${report.level}: every kind of text drawn`);
    }
  },
);

t.test('texts chosen for their edge: ties in the segment choice, one character, capacity, non-ASCII', async (t) => {
  const cases: [string, EcLevel][] = [
    ['https://www.youtube.com/@RayanSlim087', 'L'], // Byte(34) + Numeric("087"): a tie broken by queue order
    ['A', 'H'],
    ['0', 'L'],
    ['a1', 'M'],
    ['1A1A1A1A1A1A', 'Q'],
    ['HELLO WORLD 123456789012345 hello', 'L'],
    ['9'.repeat(7089), 'L'],
    ['Z'.repeat(4296), 'L'],
    ['z'.repeat(2953), 'L'],
    ['€'.repeat(424), 'H'],
    ['🎉x1'.repeat(50), 'Q'],
    ['\n\r\t\u0000', 'L'],
  ];
  for (const [text, level] of cases)
    t.ok(sameAsQrcode({ level, text }), `${level} ${JSON.stringify(text.slice(0, 30))} (${text.length})`);
});

t.test('too big for version 40: a CapacityExceededError with the level and the UTF-8 length', async (t) => {
  // Matched field by field: the class, its name, the level and the length it reports.
  const tooBig = (text: string, level: EcLevel) => t.throws(() => encodeSymbol(text, level)) as unknown;
  t.match(tooBig('z'.repeat(2954), 'L'), {
    constructor: CapacityExceededError,
    name: 'CapacityExceededError',
    ecLevel: 'L',
    bytes: 2954,
  });
  t.match(tooBig('€'.repeat(425), 'H'), {
    constructor: CapacityExceededError,
    name: 'CapacityExceededError',
    ecLevel: 'H',
    bytes: 1275,
  });
});

t.test('text past the lower bound is refused as CapacityExceededError, as the full encoding refuses it', async (t) => {
  const { encodeSymbol } = await import('../../../lambda/qr/symbol.js');
  const { CapacityExceededError } = await import('../../../lambda/qr/errors.js');
  for (const text of ['1A'.repeat(3544), 'x'.repeat(6 * 1024 * 1024), '9'.repeat(7090)]) {
    t.throws(() => encodeSymbol(text, 'L'), CapacityExceededError, `${text.length} characters`);
  }
  t.equal(encodeSymbol('9'.repeat(7089), 'L').version, 40, 'the most digits version 40-L holds still fit');
  t.equal(encodeSymbol('A'.repeat(4296), 'L').version, 40, 'the most alphanumerics still fit');
});

t.test("the property test's memo of qrcode's answers never decides a comparison on its own", async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'qrcode-memo-'));
  t.teardown(() => rmSync(directory, { recursive: true, force: true }));
  const text = 'https://example.com/?q=1';
  const ours = digestOf(encodeSymbol(text, 'M'));
  const stored = () => {
    const file = join(directory, readdirSync(directory)[0] ?? 'none');
    return { file, answers: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string> };
  };

  const first = new QrcodeMemo('probe', directory);
  t.ok(first.same(text, 'M', ours), 'asked of qrcode, ours is the same');
  t.notOk(first.same(text, 'M', `${ours}x`), 'a symbol that differs is told apart');
  first.save();
  t.same(Object.values(stored().answers), [qrcodeDigest(text, 'M')], "qrcode's answer is remembered, once");

  const { file, answers } = stored();
  const [key] = Object.keys(answers);
  writeFileSync(file, JSON.stringify({ [key ?? '']: `${ours}x` }));
  const misled = new QrcodeMemo('probe', directory);
  t.ok(misled.same(text, 'M', ours), 'a remembered answer that differs from ours is asked of qrcode again');
  t.notOk(misled.same(text, 'M', `${ours}x`), "and qrcode's answer now is the one that counts");
  misled.save();
  t.same(Object.values(stored().answers), [qrcodeDigest(text, 'M')], 'the wrong answer is replaced');

  const small = new QrcodeMemo('probe', directory, 1);
  t.ok(small.same('another text', 'M', digestOf(encodeSymbol('another text', 'M'))));
  small.save();
  t.same(
    Object.values(stored().answers),
    [qrcodeDigest('another text', 'M')],
    'past its size, a save keeps only the answers asked in that run',
  );
});
