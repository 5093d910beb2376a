/**
 * Error correction codewords (ISO/IEC 18004 §7.5.2): the remainder of the data
 * polynomial times x^n divided by the generator polynomial of degree n, over GF(256)
 * with the field's polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D). Generator polynomials
 * are built once per degree, with their products with every field element, and the
 * remainder is worked four terms at a time.
 */
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = EXP[i + 255] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x11d;
}

const products = new Map<number, Int32Array>();

/**
 * (x - α^0)(x - α^1)…(x - α^(degree-1)), highest power first, its leading 1 left out,
 * times each of the 256 field elements, four coefficients a word (the first in the low
 * byte): the product with f in the `(degree + 3) >>> 2` words from f times that.
 */
function generatorProducts(degree: number): Int32Array {
  let table = products.get(degree);
  if (table === undefined) {
    let poly = new Uint8Array([1]);
    for (let i = 0; i < degree; i++) {
      const next = new Uint8Array(poly.length + 1);
      for (let j = 0; j < poly.length; j++) {
        next[j]! ^= poly[j]!;
        if (poly[j] !== 0) next[j + 1]! ^= EXP[LOG[poly[j]!]! + i]!;
      }
      poly = next;
    }
    // The products with 1, 2, 4 … 128 (the generator's coefficients are never 0: its roots
    // are distinct); every other element's is the sum of those of its bits, a word at a time.
    const words = (degree + 3) >>> 2;
    table = new Int32Array(256 * words);
    for (let f = 1; f < 256; f <<= 1)
      for (let j = 0; j < degree; j++)
        table[f * words + (j >>> 2)]! |= EXP[LOG[poly[j + 1]!]! + LOG[f]!]! << ((j & 3) * 8);
    for (let f = 3; f < 256; f++)
      if (f & (f - 1))
        for (let k = 0; k < words; k++)
          table[f * words + k] = table[(f & (f - 1)) * words + k]! ^ table[(f & -f) * words + k]!;
    products.set(degree, table);
  }
  return table;
}

/** The `degree` error correction codewords of one block of data codewords. */
export function errorCorrectionCodewords(data: Uint8Array, degree: number): Uint8Array {
  const table = generatorProducts(degree);
  const words = (degree + 3) >>> 2;
  // The remainder, four terms a word as in the table.
  const remainder = new Int32Array(words);
  for (let i = 0; i < data.length; i++) {
    // Shift the remainder one place (dropping its first term) while adding factor × generator.
    const row = ((data[i]! ^ remainder[0]!) & 0xff) * words;
    for (let k = 0; k < words - 1; k++)
      remainder[k] = ((remainder[k]! >>> 8) | (remainder[k + 1]! << 24)) ^ table[row + k]!;
    remainder[words - 1] = (remainder[words - 1]! >>> 8) ^ table[row + words - 1]!;
  }
  const codewords = new Uint8Array(degree);
  for (let j = 0; j < degree; j++) codewords[j] = remainder[j >>> 2]! >>> ((j & 3) * 8);
  return codewords;
}
