import t from 'tap';
import { deepStrictEqual } from 'node:assert';
import fc from 'fast-check';
import { Mode, optimalSegments, rawSegments } from '../../../lambda/qr/segments.js';
import { ourSegments, theirSegments } from '../../helpers/segments-oracle.js';

const theirs = theirSegments;
const ours = (text: string, version: number) => ourSegments(text, version);

t.test('the tutorial URL: one byte segment then "087" in numeric, a tie qrcode breaks by queue order', async (t) => {
  t.same(ours('https://www.youtube.com/@RayanSlim087', 3), [
    { mode: 'Byte', text: 'https://www.youtube.com/@RayanSlim', length: 34 },
    { mode: 'Numeric', text: '087', length: 3 },
  ]);
  t.same(ours('https://www.youtube.com/@RayanSlim087', 3), theirs('https://www.youtube.com/@RayanSlim087', 3));
});

t.test(
  'random texts in every character class, at versions from each count-indicator range, split as qrcode splits them',
  async (t) => {
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom(...'0123456789'),
          fc.constantFrom(...'ABCXYZ $%*+-./:'),
          fc.constantFrom(...'abc?é€🎉\n'),
        ),
        { minLength: 1, maxLength: 120 },
      )
      .map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(1, 9, 10, 26, 27, 40), (text, version) =>
        deepStrictEqual(ours(text, version), theirs(text, version)),
      ),
      { seed: 2026, numRuns: 3000 },
    );
    t.pass('3000 texts');
  },
);

t.test('the raw split and the UTF-8 length of byte runs', async (t) => {
  t.same(rawSegments('ab12CD€'), [
    { mode: Mode.Byte, text: 'ab', length: 2 },
    { mode: Mode.Numeric, text: '12', length: 2 },
    { mode: Mode.Alphanumeric, text: 'CD', length: 2 },
    { mode: Mode.Byte, text: '€', length: 3 },
  ]);
  t.same(
    rawSegments('é€🎉x').map((segment) => segment.length),
    [10],
    'a byte run counts its UTF-8 bytes: 2 + 3 + 4 + 1',
  );
});

t.test('the lower bound on data bits never exceeds what the optimal segments take', async (t) => {
  const { minimumDataBits, dataBits: bitsOf } = await import('../../../lambda/qr/segments.js');
  fc.assert(
    fc.property(
      fc.string({
        unit: fc.constantFrom('0', '7', 'A', 'Z', ' ', '$', 'a', 'é', '例', '🎉', '\ud800'),
        maxLength: 200,
      }),
      fc.integer({ min: 1, max: 40 }),
      (text, version) => {
        if (text === '') return;
        const exact = optimalSegments(text, version).reduce(
          (sum, segment) => sum + bitsOf(segment.mode, segment.length),
          0,
        );
        if (minimumDataBits(text) > exact)
          throw new Error(`${JSON.stringify(text)}: bound ${minimumDataBits(text)} > ${exact}`);
      },
    ),
  );
  t.equal(minimumDataBits('012'), 10, 'three digits: 10 bits');
  t.equal(minimumDataBits('AB'), 11, 'two alphanumerics: 11 bits');
  t.equal(minimumDataBits('é'), 16, 'two UTF-8 bytes');
  t.ok(
    minimumDataBits('1A'.repeat(3544)) > 23_648,
    '"1A" × 3544 is past version 40-L (23,648 data bits) by the bound alone',
  );
  t.ok(minimumDataBits('x'.repeat(1_000_000), 100) < 200, 'the count stops once past the budget');
});
