import t from 'tap';
import fc from 'fast-check';
import { create } from 'qrcode';
import { encodeMatrix } from '../../../lambda/render/matrix.js';
import type { EcLevel } from '../../../lambda/generate/options.js';

/** qrcode's own symbol, its mask chosen by its own getBestMask. */
const reference = (text: string, level: EcLevel) => create(text, { errorCorrectionLevel: level });

const same = (text: string, level: EcLevel): boolean => {
  const ours = encodeMatrix(text, level);
  const theirs = reference(text, level);
  return ours.size === theirs.modules.size && Buffer.from(ours.modules).equals(Buffer.from(theirs.modules.data));
};

t.test('the chosen mask and every module equal qrcode’s own create()', async (t) => {
  for (const text of ['A', 'https://www.youtube.com/@RayanSlim087', '0123456789', 'x'.repeat(300), '€'.repeat(400), 'WIFI:T:WPA;S:n;P:p;;']) {
    for (const level of ['L', 'M', 'Q', 'H'] as const) t.ok(same(text, level), `${level} ${text.slice(0, 24)} (${text.length})`);
  }
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }), fc.constantFrom<EcLevel>('L', 'M', 'Q', 'H'), same),
    { numRuns: 300 },
  );
  t.pass('300 random texts, every level and versions 1 to 40');
});
