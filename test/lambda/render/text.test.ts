import t from 'tap';
import { encodeSymbol } from '../../../lambda/qr/symbol.js';
import { encodeText } from '../../../lambda/render/text.js';
import { TUTORIAL_URL, UTF8_TEXT } from '../../helpers/fixtures.js';
import { decodeQrText } from '../../helpers/qr-decode.js';
import { rasterizeText } from '../../helpers/text-raster.js';

t.test('half blocks: two module rows a line, the quiet zone included, and it scans', async (t) => {
  for (const [text, margin] of [
    [TUTORIAL_URL, 4],
    [UTF8_TEXT, 2],
    ['A', 1],
  ] as const) {
    const symbol = encodeSymbol(text, 'L');
    const out = encodeText(symbol, margin);
    const across = symbol.size + 2 * margin;
    const lines = out.split('\n');
    t.equal(lines.pop(), '', 'ends with a newline');
    t.equal(lines.length, Math.ceil(across / 2), `${across} module rows in ${lines.length} lines`);
    t.ok(
      lines.every((line) => [...line].length === across),
      'one character per module column',
    );
    t.match(out, /^[ ▀▄█\n]+$/u, 'only half blocks, full blocks and spaces');
    t.equal(
      await decodeQrText(rasterizeText(out)),
      text,
      `${JSON.stringify(text.slice(0, 20))} margin ${margin} decodes`,
    );
  }
});

t.test('light modules are drawn, dark ones blank: made for light text on a dark background', async (t) => {
  const symbol = encodeSymbol('A', 'L');
  const lines = encodeText(symbol, 2).split('\n');
  t.equal(lines[0], '█'.repeat(25), 'the quiet zone is two light rows: full blocks');
  // Rows 2 and 3: the finder pattern's dark top edge over its light ring, dark at both ends.
  t.equal([...lines[1]!].slice(2, 9).join(''), ' ▄▄▄▄▄ ');
  t.equal([...lines[1]!][0], '█', 'quiet zone beside it');
});

t.test('an odd number of module rows: the last line has its lower half blank', async (t) => {
  const lines = encodeText(encodeSymbol('A', 'L'), 1).split('\n').filter(Boolean);
  t.equal(lines.length, 12, '23 rows');
  t.equal(lines[11], '▀'.repeat(23), 'the bottom quiet row alone, over the terminal’s background');
});
