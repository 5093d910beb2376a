// Segments side by side with qrcode's, in one shape: (mode name, text, character count), byte
// data read back as text. Used by the segmentation tests, plain and with Kanji.
import { fromString } from 'qrcode/lib/core/segments.js';
import { optimalSegments } from '../../lambda/qr/segments.js';

const MODE_IDS = ['Numeric', 'Alphanumeric', 'Byte', 'Kanji'];

export interface ComparableSegment {
  readonly mode: string | undefined;
  readonly text: string;
  readonly length: number;
}

/** qrcode's segments for `text` at `version`. */
export const theirSegments = (text: string, version: number): ComparableSegment[] =>
  fromString(text, version).map((s) => ({
    mode: s.mode.id,
    text: typeof s.data === 'string' ? s.data : Buffer.from(s.data).toString('utf8'),
    length: s.getLength(),
  }));

/** This encoder's segments for `text` at `version`, in the same shape. */
export const ourSegments = (
  text: string,
  version: number,
  kanji?: Parameters<typeof optimalSegments>[2],
): ComparableSegment[] => optimalSegments(text, version, kanji).map((s) => ({ ...s, mode: MODE_IDS[s.mode] }));
