import t from 'tap';
import { HttpError } from '../../../lambda/errors.js';
import { CAPACITY, encodeMatrix } from '../../../lambda/render/matrix.js';
import { layout } from '../../../lambda/render/layout.js';
import { encodePng } from '../../../lambda/render/png.js';
import { BLACK, WHITE } from '../../../lambda/generate/color.js';
import { decodeQr } from '../../helpers/qr-decode.js';
import type { EcLevel } from '../../../lambda/generate/options.js';

const levels: EcLevel[] = ['L', 'M', 'Q', 'H'];

t.test('the smallest version that holds the data', async (t) => {
  t.equal(encodeMatrix('A', 'L').version, 1);
  t.equal(encodeMatrix('A', 'L').size, 21);
  t.equal(encodeMatrix('https://www.youtube.com/@RayanSlim087', 'L').size, 29, 'version 3');
});

for (const level of levels) {
  t.test(`capacity at ${level}: the maximum fits and decodes, one byte more is a 413 naming the limit`, async (t) => {
    const { bytes, digits } = CAPACITY[level];
    const fullest = 'a'.repeat(bytes);
    const matrix = encodeMatrix(fullest, level);
    t.equal(matrix.version, 40);
    const png = encodePng(matrix, layout(matrix.size, 4, 2 * (matrix.size + 8)), BLACK, WHITE);
    const decoded = await decodeQr(png);
    t.equal(decoded.bytes.toString('latin1'), fullest);
    t.equal(decoded.ecLevel, level);

    const overflow = t.throws(() => encodeMatrix(`${fullest}a`, level)) as unknown as HttpError;
    t.type(overflow, HttpError);
    t.equal(overflow.statusCode, 413);
    t.match(overflow.message, `${bytes + 1} bytes`);
    t.match(overflow.message, `at most ${bytes} bytes`);
    t.match(overflow.message, `${digits} digits`);

    t.equal(encodeMatrix('7'.repeat(digits), level).version, 40, 'digits pack denser: numeric mode');
    t.throws(() => encodeMatrix('7'.repeat(digits + 1), level), { name: 'HttpError', statusCode: 413 });
  });
}

t.test('multi-byte UTF-8 counts bytes, not characters', async (t) => {
  const euro = '€'.repeat(Math.floor(CAPACITY.H.bytes / 3)); // 3 bytes each
  t.equal(encodeMatrix(euro, 'H').version, 40);
  t.throws(() => encodeMatrix(`${euro}€`, 'H'), { name: 'HttpError', statusCode: 413 });
});
