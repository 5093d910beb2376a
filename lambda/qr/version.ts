import { dataBitCapacity } from './capacity.js';
import type { EcLevel } from './ec-level.js';
import { Mode, countIndicatorBits, dataBits, type Segment } from './segments.js';

/**
 * The smallest version (1–40) whose data capacity at `level` holds `segments` after
 * `headerBits` (an ECI header) (§7.3.1), by qrcode's own arithmetic — including its
 * per-mode character capacity when there is a single segment and no header — or undefined
 * when none does.
 */
export function smallestVersion(segments: readonly Segment[], level: EcLevel, headerBits = 0): number | undefined {
  for (let version = 1; version <= 40; version++) {
    if (fits(segments, version, level, headerBits)) return version;
  }
  return undefined;
}

function fits(segments: readonly Segment[], version: number, level: EcLevel, headerBits: number): boolean {
  const capacity = dataBitCapacity(version, level);
  if (segments.length === 1 && headerBits === 0) {
    const { mode, length } = segments[0]!;
    const usable = capacity - (countIndicatorBits(mode, version) + 4);
    const characters =
      mode === Mode.Numeric
        ? Math.floor((usable / 10) * 3)
        : mode === Mode.Alphanumeric
          ? Math.floor((usable / 11) * 2)
          : mode === Mode.Kanji
            ? Math.floor(usable / 13)
            : Math.floor(usable / 8);
    return length <= characters;
  }
  let bits = headerBits;
  for (const { mode, length } of segments) bits += 4 + countIndicatorBits(mode, version) + dataBits(mode, length);
  return bits <= capacity;
}
