import t from 'tap';
import { CapacityExceededError } from '../../../lambda/qr/errors.js';
import { encodeSymbol } from '../../../lambda/qr/symbol.js';
import type { EcLevel } from '../../../lambda/qr/ec-level.js';
import { comparesWithQrcodeAt, sameAsQrcode } from '../../helpers/qr-oracle.js';

// Levels Q and H run in symbol-q-h.test.ts, in parallel with this file.
comparesWithQrcodeAt(t, 'L');
comparesWithQrcodeAt(t, 'M');

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
  for (const [text, level] of cases) t.ok(sameAsQrcode({ level, text }), `${level} ${JSON.stringify(text.slice(0, 30))} (${text.length})`);
});

t.test('too big for version 40: a CapacityExceededError with the level and the UTF-8 length', async (t) => {
  t.throws(() => encodeSymbol('z'.repeat(2954), 'L'), new CapacityExceededError('L', 2954));
  t.throws(() => encodeSymbol('€'.repeat(425), 'H'), new CapacityExceededError('H', 1275));
  t.equal(new CapacityExceededError('Q', 9).name, 'CapacityExceededError');
});
