import type { KanjiCodes } from './kanji.js';
import { MinQueue } from './min-queue.js';

/**
 * Data modes (ISO/IEC 18004 §7.3) and the split of a text into segments of those modes
 * (§7.4, annex J). The split is qrcode's own, reproduced exactly, ties included, so that
 * every symbol comes out module for module as `qrcode` would draw it: qrcode's `fromString`
 * builds a graph of candidate segments with edge weights that depend on the order they are
 * computed in, and takes dijkstrajs's path through it, whose priority queue breaks ties
 * first in, first out. With Kanji codes, Kanji mode is among the choices, as in qrcode
 * given a Shift JIS function, with two differences: qrcode's takes the characters of its
 * KANJI pattern (kana, kanji, Greek, Cyrillic, the punctuation it lists), this one every
 * JIS X 0208 character (○, ♪, ─ too); and qrcode may write a run of them as bytes where
 * that is shorter, this one never does. Where neither difference shows, the symbols are
 * qrcode's.
 */
export const enum Mode {
  Numeric = 0,
  Alphanumeric = 1,
  Byte = 2,
  Kanji = 3,
}

/** The mode indicator of each mode (§7.4.2, table 2). */
export const MODE_INDICATOR: readonly number[] = [0b0001, 0b0010, 0b0100, 0b1000];

export interface Segment {
  readonly mode: Mode;
  /** Characters (numeric, alphanumeric, Kanji) or UTF-8 bytes (byte mode). */
  readonly text: string;
  /** What the character count indicator counts: characters, or bytes in byte mode. */
  readonly length: number;
}

/** Whether a segment is in Kanji mode: for code outside the core bundle, which cannot read the enum. */
export const isKanjiSegment = (segment: Segment): boolean => segment.mode === Mode.Kanji;

/** Bits of the character count indicator (§7.4.2, table 3). */
export function countIndicatorBits(mode: Mode, version: number): number {
  const column = version < 10 ? 0 : version < 27 ? 1 : 2;
  return mode === Mode.Numeric
    ? [10, 12, 14][column]!
    : mode === Mode.Alphanumeric
      ? [9, 11, 13][column]!
      : mode === Mode.Kanji
        ? [8, 10, 12][column]!
        : [8, 16, 16][column]!;
}

/** Bits the data of `length` characters (bytes) takes in `mode`, without header (§7.4.3–7.4.6). */
export function dataBits(mode: Mode, length: number): number {
  if (mode === Mode.Numeric) return 10 * Math.floor(length / 3) + (length % 3 ? (length % 3) * 3 + 1 : 0);
  if (mode === Mode.Alphanumeric) return 11 * Math.floor(length / 2) + 6 * (length % 2);
  if (mode === Mode.Kanji) return length * 13;
  return length * 8;
}

/** A character's class: the narrowest mode that holds it (the values are the modes'). */
const enum CharClass {
  Digit = 0,
  /** Alphanumeric but not a digit: A–Z, space, $ % * + - . / : */
  Letter = 1,
  Other = 2,
  /** A character Kanji mode holds, when Kanji codes are given. */
  Kanji = 3,
}

const ALPHANUMERIC_SYMBOLS = ' $%*+-./:';

function charClass(code: number, kanji: KanjiCodes | undefined): CharClass {
  if (code >= 48 && code <= 57) return CharClass.Digit;
  if ((code >= 65 && code <= 90) || (code < 128 && ALPHANUMERIC_SYMBOLS.includes(String.fromCharCode(code))))
    return CharClass.Letter;
  if (kanji !== undefined && code >= 128 && kanji.value(code) !== undefined) return CharClass.Kanji;
  return CharClass.Other;
}

/**
 * The modes a run of a class may be written in, narrowest first, in qrcode's order. A run
 * of Kanji is Kanji, never bytes as qrcode may write it: a reader that meets Kanji reads
 * the bytes beside it as Shift JIS (ZBar does), and UTF-8 bytes would read as other characters.
 */
const CANDIDATE_MODES: readonly (readonly Mode[])[] = [
  [Mode.Numeric, Mode.Alphanumeric, Mode.Byte],
  [Mode.Alphanumeric, Mode.Byte],
  [Mode.Byte],
  [Mode.Kanji],
];

/**
 * A lower bound on the data bits of any segmentation of `text`, counted until past
 * `budget`: a digit takes at least 10/3 bits (numeric mode), another alphanumeric character
 * 5.5, a character Kanji mode holds (with Kanji codes) 13, anything else 8 for each of its
 * UTF-8 bytes. One pass, no copy: text that cannot fit is told apart before it is segmented.
 */
export function minimumDataBits(text: string, budget = Infinity, kanji?: KanjiCodes): number {
  let sixths = 0; // in sixths of a bit, to stay in integers
  const limit = budget * 6;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = charClass(code, kanji);
    // Sixths of a bit: digit 20 (10/3), letter 33 (5.5), Kanji 78 (13), a byte 48.
    sixths +=
      kind === CharClass.Digit
        ? 20
        : kind === CharClass.Letter
          ? 33
          : kind === CharClass.Kanji
            ? 78
            : 48 * (code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3);
    if (sixths > limit) break;
  }
  return sixths / 6;
}

/**
 * The text cut into maximal runs of digits, of other alphanumeric characters, of
 * characters Kanji mode holds (with Kanji codes) and of everything else — qrcode's "raw
 * split", which the version estimate is made from.
 */
export function rawSegments(text: string, kanji?: KanjiCodes): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  let current = charClass(text.charCodeAt(0), kanji);
  for (let i = 1; i <= text.length; i++) {
    const next = i < text.length ? charClass(text.charCodeAt(i), kanji) : -1;
    if (next === current) continue;
    const run = text.slice(start, i);
    segments.push({
      mode: current as number as Mode,
      text: run,
      length: current === CharClass.Other ? Buffer.byteLength(run, 'utf8') : run.length,
    });
    start = i;
    current = next as CharClass;
  }
  return segments;
}

/**
 * The segments that give the shortest bit stream at `version`, as qrcode's
 * `Segments.fromString` finds them: each raw run of digits or alphanumerics may also be
 * written in any wider mode (numeric → alphanumeric → byte), and a shortest path through
 * those choices is taken.
 */
export function optimalSegments(text: string, version: number, kanji?: KanjiCodes): Segment[] {
  const raw = rawSegments(text, kanji);
  // The candidates: for each raw run, the run in its own mode and in every wider one.
  const modes: Mode[] = [];
  const lengths: number[] = [];
  const texts: string[] = [];
  const groupStart: number[] = [];
  for (const segment of raw) {
    groupStart.push(modes.length);
    for (const mode of CANDIDATE_MODES[segment.mode]!) {
      modes.push(mode);
      texts.push(segment.text);
      lengths.push(segment.length); // the same in bytes for a run of ASCII
    }
  }
  groupStart.push(modes.length);
  const nodes = modes.length;
  const START = nodes;
  const END = nodes + 1;

  // Edge weights in qrcode's order: for each candidate, from each candidate of the run
  // before. `lastCount` belongs to the earlier candidate and is rewritten as it goes.
  const edgeWeight: number[][] = [];
  const lastCount = new Array<number>(nodes).fill(0);
  for (let g = 0; g < raw.length; g++) {
    const firstFrom = g === 0 ? START : groupStart[g - 1]!;
    const endFrom = g === 0 ? START + 1 : groupStart[g]!;
    for (let to = groupStart[g]!; to < groupStart[g + 1]!; to++) {
      const mode = modes[to]!;
      const length = lengths[to]!;
      for (let from = firstFrom; from < endFrom; from++) {
        let weight: number;
        if (from !== START && modes[from] === mode) {
          weight = dataBits(mode, lastCount[from]! + length) - dataBits(mode, lastCount[from]!);
          lastCount[from]! += length;
        } else {
          if (from !== START) lastCount[from] = length;
          weight = dataBits(mode, length) + 4 + countIndicatorBits(mode, version);
        }
        (edgeWeight[from] ??= [])[to - groupStart[g]!] = weight;
      }
    }
  }

  // dijkstrajs: a queue ordered by cost, first in first out on equal cost; a node's cost
  // and predecessor change only on a strictly lower cost.
  const cost = new Float64Array(nodes + 2).fill(Infinity);
  const predecessor = new Int32Array(nodes + 2).fill(-1);
  const queue = new MinQueue();
  cost[START] = 0;
  queue.push(START, 0);
  while (!queue.empty()) {
    const { node, cost: reached } = queue.pop();
    if (node === END) continue;
    const g = node === START ? -1 : groupOf(groupStart, node);
    // Out of the last run, the only edge is to the end, of weight 0.
    const first = g === raw.length - 1 ? END : groupStart[g + 1]!;
    const count = g === raw.length - 1 ? 1 : groupStart[g + 2]! - first;
    for (let k = 0; k < count; k++) {
      const to = first + k;
      const through = to === END ? reached : reached + edgeWeight[node]![k]!;
      if (through < cost[to]!) {
        cost[to] = through;
        queue.push(to, through);
        predecessor[to] = node;
      }
    }
  }

  const path: number[] = [];
  for (let node = predecessor[END]!; node !== START; node = predecessor[node]!) path.push(node);
  path.reverse();

  // Adjacent candidates in the same mode become one segment.
  const segments: Segment[] = [];
  for (let i = 0; i < path.length; ) {
    const mode = modes[path[i]!]!;
    let joined = '';
    while (i < path.length && modes[path[i]!] === mode) joined += texts[path[i++]!];
    segments.push({
      mode,
      text: joined,
      length: mode === Mode.Byte ? Buffer.byteLength(joined, 'utf8') : joined.length,
    });
  }
  return segments;
}

/** The run a candidate belongs to, by binary search over where each run's candidates start. */
function groupOf(groupStart: readonly number[], node: number): number {
  let low = 0;
  let high = groupStart.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (groupStart[middle]! <= node) low = middle;
    else high = middle - 1;
  }
  return low;
}
