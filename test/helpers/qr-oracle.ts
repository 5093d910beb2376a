import type { Test } from 'tap';
import fc from 'fast-check';
import { create } from 'qrcode/lib/core/qrcode.js';
import type { EcLevel } from '../../lambda/qr/ec-level.js';
import { CapacityExceededError } from '../../lambda/qr/errors.js';
import { encodeSymbol } from '../../lambda/qr/symbol.js';
import { qrCase, type QrCase } from './qr-texts.js';

/**
 * Whether our symbol is qrcode's, module for module: `create` (its own segments,
 * version and mask choice) is the oracle. Too big for both counts as the same when ours
 * says so with the level and the UTF-8 length.
 */
export function sameAsQrcode({ text, level }: Pick<QrCase, 'text' | 'level'>): boolean {
  let theirs;
  try {
    theirs = create(text, { errorCorrectionLevel: level });
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('too big')) throw error;
    try {
      encodeSymbol(text, level);
    } catch (ours) {
      return ours instanceof CapacityExceededError && ours.ecLevel === level && ours.bytes === Buffer.byteLength(text);
    }
    return false;
  }
  const ours = encodeSymbol(text, level);
  return (
    ours.version === theirs.version &&
    ours.mask === theirs.maskPattern &&
    ours.size === theirs.modules.size &&
    Buffer.from(ours.modules).equals(Buffer.from(theirs.modules.data))
  );
}

/** `QR_PROPERTY_SEED` replays a run (fast-check prints the seed and path of a failure); `make test` pins it. */
const SEED = Number(process.env.QR_PROPERTY_SEED ?? 1_800_040);
const RUNS_PER_LEVEL = Number(process.env.QR_PROPERTY_RUNS ?? 2_500);

/** RUNS_PER_LEVEL random texts at `level`, each compared with qrcode's symbol. */
export function comparesWithQrcodeAt(t: Test, level: EcLevel): void {
  t.test(`${RUNS_PER_LEVEL} random texts at ${level}: numeric, alphanumeric, byte and mixed, versions 1-40 and their boundaries`, async (t) => {
    const versions = new Set<number>();
    const kinds = new Set<string>();
    fc.assert(
      fc.property(
        qrCase().filter((c) => c.level === level),
        (c) => {
          versions.add(c.version);
          kinds.add(c.kind);
          return sameAsQrcode(c);
        },
      ),
      { seed: SEED + level.charCodeAt(0), numRuns: RUNS_PER_LEVEL },
    );
    t.equal(versions.size, 40, 'every version was drawn');
    t.equal(kinds.size, 4, 'every kind of text was drawn');
  });
}
