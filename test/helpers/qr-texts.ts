import fc from 'fast-check';
import { getCapacity } from 'qrcode/lib/core/version.js';
import { H, L, M, Q } from 'qrcode/lib/core/error-correction-level.js';
import * as QrcodeModes from 'qrcode/lib/core/mode.js';
import type { EcLevel } from '../../lambda/qr/ec-level.js';

export type TextKind = 'numeric' | 'alphanumeric' | 'byte' | 'mixed';

export interface QrCase {
  readonly kind: TextKind;
  readonly level: EcLevel;
  /** The version the text was sized for (the symbol may land one either side). */
  readonly version: number;
  readonly text: string;
}

const DIGITS = '0123456789';
const ALPHANUMERIC = `${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:`;
/** URL-ish ASCII, with digits and upper case so that runs of other modes appear inside. */
const BYTES = `abcdefghijklmnopqrstuvwxyz${ALPHANUMERIC}?=&_~#@!`;
const NON_ASCII = ['é', 'ß', 'Ж', '€', '例', '🎉', '\n', '\t'];

const capacityMode = {
  numeric: QrcodeModes.NUMERIC,
  alphanumeric: QrcodeModes.ALPHANUMERIC,
  byte: QrcodeModes.BYTE,
  mixed: QrcodeModes.BYTE,
};

/** Characters (bytes for byte and mixed text) a version holds at a level, by qrcode's tables. */
export const capacityOf = (version: number, level: EcLevel, kind: TextKind): number =>
  getCapacity(version, { L, M, Q, H }[level], capacityMode[kind]);

const charsOf = (alphabet: string) => fc.constantFrom(...Array.from(alphabet));

/** Mixed text: runs of digits, of upper-case alphanumerics and of other (some non-ASCII) characters. */
const mixedRun = fc.oneof(
  fc.array(charsOf(DIGITS), { minLength: 1, maxLength: 40 }),
  fc.array(charsOf(ALPHANUMERIC.slice(10)), { minLength: 1, maxLength: 30 }),
  fc.array(
    fc.oneof({ weight: 5, arbitrary: charsOf(BYTES) }, { weight: 1, arbitrary: fc.constantFrom(...NON_ASCII) }),
    {
      minLength: 1,
      maxLength: 30,
    },
  ),
);

function fill(kind: TextKind, length: number): fc.Arbitrary<string> {
  if (kind === 'numeric')
    return fc.array(charsOf(DIGITS), { minLength: length, maxLength: length }).map((c) => c.join(''));
  if (kind === 'alphanumeric')
    return fc.array(charsOf(ALPHANUMERIC), { minLength: length, maxLength: length }).map((c) => c.join(''));
  if (kind === 'byte') return fc.array(charsOf(BYTES), { minLength: length, maxLength: length }).map((c) => c.join(''));
  // Mixed: runs until the UTF-8 length reaches `length`, cut back to at most that.
  return fc.array(mixedRun, { minLength: 1, maxLength: 1 + Math.ceil(length / 4) }).map((runs) => {
    let text = '';
    for (const run of runs) {
      for (const c of run) {
        if (Buffer.byteLength(text + c) > length) return text || c;
        text += c;
      }
    }
    return text;
  });
}

/**
 * A text sized for a random version at a random level (versions 1-10 drawn more often): its length anywhere in the range
 * that version adds, or (one case in four) right at a capacity boundary. The level is drawn from `levels` before the
 * text is, so that one level's cases cost no texts drawn for the others.
 */
export const qrCase = (
  kinds: readonly TextKind[] = ['numeric', 'alphanumeric', 'byte', 'mixed'],
  levels: readonly EcLevel[] = ['L', 'M', 'Q', 'H'],
): fc.Arbitrary<QrCase> =>
  fc
    .record({
      kind: fc.constantFrom(...kinds),
      level: fc.constantFrom(...levels),
      // Half the draws among versions 1-10, where most URLs land; half over all 40.
      version: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 })),
      position: fc.oneof(
        { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(0, 1) },
      ),
      beyond: fc.integer({ min: 0, max: 1 }),
    })
    .chain(({ kind, level, version, position, beyond }) => {
      const low = version === 1 ? 1 : capacityOf(version - 1, level, kind) + 1;
      const high = capacityOf(version, level, kind);
      // At a boundary, sometimes one character past it (into the next version, or past 40: too big).
      const length = Math.max(1, Math.round(low + position * (high - low)) + (position === 1 ? beyond : 0));
      return fill(kind, length).map((text) => ({ kind, level, version, text }));
    });
