import t from 'tap';
import { create } from 'qrcode/lib/core/qrcode.js';
import { getSymbolTotalCodewords } from 'qrcode/lib/core/utils.js';
import { isDark } from '../../../lambda/qr/bit-lines.js';
import { symbolTemplate } from '../../../lambda/qr/template.js';

t.test('for every version, the function modules and data modules are where qrcode puts them', async (t) => {
  for (let version = 1; version <= 40; version++) {
    const template = symbolTemplate(version);
    const { modules } = create('1', { version, errorCorrectionLevel: 'L', maskPattern: 0 });
    const { size, words } = template;
    t.equal(size, modules.size, `version ${version}: size`);
    const data = new Set(template.placement);
    let wrong = 0;
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const reserved = Boolean(modules.isReserved(row, col));
        if (reserved === data.has(row * size + col)) wrong++;
        // Function modules, format information aside (written per mask), match qrcode's.
        const format = template.formatModules.includes(row * size + col);
        if (reserved && !format && isDark(template.rows, words, row, col) !== Boolean(modules.get(row, col))) wrong++;
      }
    }
    t.equal(wrong, 0, `version ${version}: every module in its place`);
    t.equal(template.placement.length, data.size, `version ${version}: each data module placed once`);
    // Every codeword bit has a module; what is left over are the 0, 3, 4 or 7 remainder bits.
    const remainder = template.placement.length - getSymbolTotalCodewords(version) * 8;
    t.ok([0, 3, 4, 7].includes(remainder), `version ${version}: ${remainder} remainder bits`);
  }
});

t.test('a template is built once per version and reused', async (t) => {
  t.equal(symbolTemplate(7), symbolTemplate(7));
});
