import type { EcLevel } from './ec-level.js';

/** The text does not fit the largest symbol (version 40) at the level asked for. */
export class CapacityExceededError extends Error {
  override readonly name = 'CapacityExceededError';

  constructor(
    readonly ecLevel: EcLevel,
    /** The text's length in UTF-8 bytes. */
    readonly bytes: number,
  ) {
    super(`${bytes} bytes of UTF-8 do not fit a QR code at error correction level ${ecLevel}`);
  }
}
