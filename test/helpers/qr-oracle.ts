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
  let theirs: ReturnType<typeof create>;
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

/** `QR_PROPERTY_SEED` replays a run (the failure message gives the seed and path); `make test` pins it. */
export const PROPERTY_SEED = Number(process.env.QR_PROPERTY_SEED ?? 1_800_040);
export const RUNS_PER_LEVEL = Number(process.env.QR_PROPERTY_RUNS ?? 2_500);

export interface PropertyReport {
  readonly level: EcLevel;
  readonly runs: number;
  readonly versions: number;
  readonly kinds: number;
  /** fast-check's report of the first counterexample, with its seed and path; absent when all matched. */
  readonly failure?: string;
}

/** RUNS_PER_LEVEL random texts at `level`, each compared with qrcode's symbol. */
export function compareWithQrcode(level: EcLevel, seed = PROPERTY_SEED, runs = RUNS_PER_LEVEL): PropertyReport {
  const versions = new Set<number>();
  const kinds = new Set<string>();
  const details = fc.check(
    fc.property(
      qrCase().filter((c) => c.level === level),
      (c) => {
        versions.add(c.version);
        kinds.add(c.kind);
        return sameAsQrcode(c);
      },
    ),
    { seed, numRuns: runs },
  );
  const report = { level, runs: details.numRuns, versions: versions.size, kinds: kinds.size };
  return details.failed ? { ...report, failure: fc.defaultReportMessage(details) ?? 'failed' } : report;
}

// As a program (test/lambda/qr/symbol.test.ts runs one per level, in parallel and outside
// coverage, whose counters make the oracle several times slower): prints the report.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(compareWithQrcode(process.argv[2] as EcLevel)));
}
