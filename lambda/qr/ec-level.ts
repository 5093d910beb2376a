/**
 * Error correction level (ISO/IEC 18004 §5.3.8): about 7 % (L), 15 % (M), 25 % (Q) or
 * 30 % (H) of the codewords can be restored.
 */
export type EcLevel = 'L' | 'M' | 'Q' | 'H';

export const EC_LEVELS: readonly EcLevel[] = ['L', 'M', 'Q', 'H'];

/** The two-bit indicator the format information carries (§7.9.1, table 12). */
export const EC_LEVEL_BITS: Readonly<Record<EcLevel, number>> = { L: 0b01, M: 0b00, Q: 0b11, H: 0b10 };
