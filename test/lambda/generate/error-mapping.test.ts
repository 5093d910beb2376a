import t from 'tap';
import { HttpError } from '../../../lambda/errors.js';
import { renderImage } from '../../../lambda/generate/error-mapping.js';
import { maxCapacity } from '../../../lambda/qr/capacity.js';
import { CapacityExceededError } from '../../../lambda/qr/errors.js';
import type { EcLevel } from '../../../lambda/qr/ec-level.js';
import { encodeSymbol } from '../../../lambda/qr/symbol.js';
import { BLACK, WHITE } from '../../../lambda/render/color.js';
import { SizeTooSmallError } from '../../../lambda/render/errors.js';
import type { RenderSpec } from '../../../lambda/render/spec.js';
import { decodeQr } from '../../helpers/qr-decode.js';

const levels: EcLevel[] = ['L', 'M', 'Q', 'H'];

/** What a version-40 symbol holds at each level: ISO/IEC 18004, table 7. */
const CAPACITY: Record<EcLevel, { bytes: number; alphanumeric: number; digits: number }> = {
  L: { bytes: 2953, alphanumeric: 4296, digits: 7089 },
  M: { bytes: 2331, alphanumeric: 3391, digits: 5596 },
  Q: { bytes: 1663, alphanumeric: 2420, digits: 3993 },
  H: { bytes: 1273, alphanumeric: 1852, digits: 3057 },
};

t.test('the QR core’s version-40 capacities are the standard’s table 7', async (t) => {
  for (const level of levels) t.same(maxCapacity(level), CAPACITY[level], level);
});
const spec = (text: string, ecLevel: EcLevel, size?: number): RenderSpec => ({
  text,
  ecLevel,
  size,
  format: 'png',
  margin: 4,
  dark: BLACK,
  light: WHITE,
});

t.test('the smallest version that holds the data', async (t) => {
  t.equal(encodeSymbol('A', 'L').version, 1);
  t.equal(encodeSymbol('A', 'L').size, 21);
  t.equal(encodeSymbol('https://www.youtube.com/@RayanSlim087', 'L').size, 29, 'version 3');
});

for (const level of levels) {
  t.test(`capacity at ${level}: the maximum fits and decodes, one byte more is a 413 naming the limit`, async (t) => {
    const { bytes, digits } = CAPACITY[level];
    const fullest = 'a'.repeat(bytes);
    t.equal(encodeSymbol(fullest, level).version, 40);
    const image = renderImage(spec(fullest, level, 2 * (177 + 8)));
    const decoded = await decodeQr(image.bytes);
    t.equal(decoded.bytes.toString('latin1'), fullest);
    t.equal(decoded.ecLevel, level);

    const overflow = t.throws(() => renderImage(spec(`${fullest}a`, level))) as unknown as HttpError;
    t.type(overflow, HttpError);
    t.equal(overflow.statusCode, 413);
    t.match(overflow.message, `${bytes + 1} bytes`);
    t.match(overflow.message, `at most ${bytes} bytes`);
    t.match(overflow.message, `${digits} digits`);
    t.type(overflow.cause, CapacityExceededError, 'the QR core’s error is the cause');

    t.equal(encodeSymbol('7'.repeat(digits), level).version, 40, 'digits pack denser: numeric mode');
    t.throws(() => renderImage(spec('7'.repeat(digits + 1), level)), { name: 'HttpError', statusCode: 413 });
  });
}

t.test('multi-byte UTF-8 counts bytes, not characters', async (t) => {
  const euro = '€'.repeat(Math.floor(CAPACITY.H.bytes / 3)); // 3 bytes each
  t.equal(encodeSymbol(euro, 'H').version, 40);
  t.throws(() => renderImage(spec(`${euro}€`, 'H')), { name: 'HttpError', statusCode: 413 });
});

t.test('a size too small for the code is a 400 naming the size it needs, the renderer’s error its cause', async (t) => {
  const error = t.throws(() => renderImage(spec('x'.repeat(300), 'L', 21))) as unknown as HttpError;
  t.equal(error.statusCode, 400);
  t.match(
    error.message,
    /'size' 21 is too small for this code: it is \d+ modules across \(margin included\), so it needs at least \d+ px/,
  );
  t.type(error.cause, SizeTooSmallError);
});
