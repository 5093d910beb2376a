/**
 * BCH-protected format information (§7.9, annex C) and version information (§7.10,
 * annex D): the data bits followed by the remainder of their division by the code's
 * generator polynomial.
 */
function withRemainder(data: number, dataBits: number, generator: number, generatorDegree: number): number {
  let remainder = data << generatorDegree;
  for (let bit = dataBits + generatorDegree - 1; bit >= generatorDegree; bit--) {
    if ((remainder >>> bit) & 1) remainder ^= generator << (bit - generatorDegree);
  }
  return (data << generatorDegree) | remainder;
}

/** x^10 + x^8 + x^5 + x^4 + x^2 + x + 1 */
const FORMAT_GENERATOR = 0b10100110111;
/** XORed onto format information so that it is never all zeros (§7.9.1). */
const FORMAT_MASK = 0b101010000010010;
/** x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1 */
const VERSION_GENERATOR = 0b1111100100101;

/** The 15 format information bits for a level's two-bit indicator and a mask pattern. */
export const formatInformation = (levelBits: number, mask: number): number =>
  withRemainder((levelBits << 3) | mask, 5, FORMAT_GENERATOR, 10) ^ FORMAT_MASK;

/** The 18 version information bits of versions 7 and up. */
export const versionInformation = (version: number): number => withRemainder(version, 6, VERSION_GENERATOR, 12);
