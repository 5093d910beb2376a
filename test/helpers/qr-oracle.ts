import fc from 'fast-check';
import type { EcLevel } from '../../lambda/qr/ec-level.js';
import { CapacityExceededError } from '../../lambda/qr/errors.js';
import { encodeSymbol } from '../../lambda/qr/symbol.js';
import { digestOf, qrcodeDigest, QrcodeMemo, TOO_BIG, type SymbolDigest } from './qrcode-memo.js';
import { qrCase, type QrCase } from './qr-texts.js';

/** Our symbol as a digest; too big counts as qrcode's `too big` only when it says so with the level and the UTF-8 length. */
function ourDigest(text: string, level: EcLevel): SymbolDigest {
  try {
    return digestOf(encodeSymbol(text, level));
  } catch (ours) {
    if (!(ours instanceof CapacityExceededError)) throw ours;
    return ours.ecLevel === level && ours.bytes === Buffer.byteLength(text) ? TOO_BIG : `refused: ${ours.message}`;
  }
}

/**
 * Whether our symbol is qrcode's, module for module: `create` (its own segments, version and mask
 * choice) is the oracle, asked now, or through `memo` for a text it has answered before.
 */
export function sameAsQrcode({ text, level }: Pick<QrCase, 'text' | 'level'>, memo?: QrcodeMemo): boolean {
  const ours = ourDigest(text, level);
  return memo ? memo.same(text, level, ours) : qrcodeDigest(text, level) === ours;
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
  const memo = new QrcodeMemo(`symbols-${level}`);
  const versions = new Set<number>();
  const kinds = new Set<string>();
  const details = fc.check(
    fc.property(qrCase(undefined, [level]), (c) => {
      versions.add(c.version);
      kinds.add(c.kind);
      return sameAsQrcode(c, memo);
    }),
    { seed, numRuns: runs },
  );
  memo.save();
  const report = { level, runs: details.numRuns, versions: versions.size, kinds: kinds.size };
  return details.failed ? { ...report, failure: fc.defaultReportMessage(details) ?? 'failed' } : report;
}

// As a program (test/lambda/qr/symbol.test.ts runs one per level, in parallel and outside
// coverage, whose counters make the oracle several times slower): prints the report.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(compareWithQrcode(process.argv[2] as EcLevel)));
}
