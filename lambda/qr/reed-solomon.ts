/**
 * Error correction codewords (ISO/IEC 18004 §7.5.2): the remainder of the data
 * polynomial times x^n divided by the generator polynomial of degree n, over GF(256)
 * with the field's polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D). Generator polynomials
 * are built once per degree and kept as logarithms of their coefficients.
 */
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = EXP[i + 255] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x11d;
}

const generators = new Map<number, Uint8Array>();

/** (x - α^0)(x - α^1)…(x - α^(degree-1)), highest power first, its leading 1 left out, as logarithms. */
function generatorLogs(degree: number): Uint8Array {
  let logs = generators.get(degree);
  if (logs === undefined) {
    let poly = new Uint8Array([1]);
    for (let i = 0; i < degree; i++) {
      const next = new Uint8Array(poly.length + 1);
      for (let j = 0; j < poly.length; j++) {
        next[j]! ^= poly[j]!;
        if (poly[j] !== 0) next[j + 1]! ^= EXP[LOG[poly[j]!]! + i]!;
      }
      poly = next;
    }
    logs = poly.subarray(1).map((c) => LOG[c]!);
    generators.set(degree, logs);
  }
  return logs;
}

/** The `degree` error correction codewords of one block of data codewords. */
export function errorCorrectionCodewords(data: Uint8Array, degree: number): Uint8Array {
  const generator = generatorLogs(degree);
  const remainder = new Uint8Array(degree);
  for (let i = 0; i < data.length; i++) {
    // Shift the remainder one place (dropping its first term) while adding factor × generator.
    const factor = data[i]! ^ remainder[0]!;
    if (factor === 0) {
      for (let j = 0; j < degree - 1; j++) remainder[j] = remainder[j + 1]!;
      remainder[degree - 1] = 0;
    } else {
      const logFactor = LOG[factor]!;
      for (let j = 0; j < degree - 1; j++) remainder[j] = remainder[j + 1]! ^ EXP[generator[j]! + logFactor]!;
      remainder[degree - 1] = EXP[generator[degree - 1]! + logFactor]!;
    }
  }
  return remainder;
}
