// This run's ratios, kept with the last runs' in bench/history.json: the report shows their
// ranges, over the runs measured the same way only.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The ratios a run keeps; older runs lack some. */
export interface HistoryEntry {
  readonly date: string;
  readonly machine: string;
  readonly warmVsNaive: number;
  readonly firstWarmVsNaive: number;
  readonly warmVsPython?: number;
  readonly firstWarmVsPython?: number;
  readonly initVsPython?: number;
  readonly coldStartVsPython?: number;
  readonly dialectWarmVsPython?: number;
  readonly builderWarmVsPython?: number;
  readonly pngBytes: number;
  readonly bundleBytes: number;
  readonly warmUpMs: number;
}

export type RatioKey =
  | 'warmVsPython'
  | 'warmVsNaive'
  | 'firstWarmVsPython'
  | 'firstWarmVsNaive'
  | 'initVsPython'
  | 'coldStartVsPython'
  | 'dialectWarmVsPython'
  | 'builderWarmVsPython';

export interface RatioRange {
  readonly min: number;
  readonly max: number;
}

/** How many runs the ranges span, and each ratio's range (absent when no run measured it). */
export interface Ranges {
  readonly runs: number;
  readonly ratios: Partial<Record<RatioKey, RatioRange>>;
}

const KEPT = 10;
const RATIO_KEYS: readonly RatioKey[] = [
  'warmVsPython',
  'warmVsNaive',
  'firstWarmVsPython',
  'firstWarmVsNaive',
  'initVsPython',
  'coldStartVsPython',
  'dialectWarmVsPython',
  'builderWarmVsPython',
];

/** The entries in `file`, none when there is none yet. */
export function readHistory(file: string): Partial<HistoryEntry>[] {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<HistoryEntry>[]) : [];
}

/** The last runs with this one, as bench/history.json keeps them. */
export function withRun(history: readonly Partial<HistoryEntry>[], run: HistoryEntry): Partial<HistoryEntry>[] {
  return [...history, run].slice(-KEPT);
}

export function writeHistory(file: string, history: readonly Partial<HistoryEntry>[]): void {
  writeFileSync(file, `${JSON.stringify(history, null, 2)}\n`);
}

/** The ranges over the runs that warmed up as this one did (earlier runs counted calls, or warmed up otherwise). */
export function ranges(history: readonly Partial<HistoryEntry>[], warmUpMs: number): Ranges {
  const comparable = history.filter((entry) => entry.warmUpMs === warmUpMs && entry.firstWarmVsNaive !== undefined);
  const ratios: Partial<Record<RatioKey, RatioRange>> = {};
  for (const key of RATIO_KEYS) {
    const values = comparable.map((entry) => entry[key]).filter((value): value is number => value !== undefined);
    if (values.length > 0) ratios[key] = { min: Math.min(...values), max: Math.max(...values) };
  }
  return { runs: comparable.length, ratios };
}
