import { kanjiShiftJis, type KanjiCodes } from './kanji.js';
import { isKanjiSegment, type Segment } from './segments.js';

/**
 * The bytes a decoder reads out of a symbol's segments, before any character set: the
 * UTF-8 of the text, but two Shift JIS bytes for each character of a Kanji segment.
 */
export function symbolContent(segments: readonly Segment[], kanji: KanjiCodes | undefined): Buffer {
  return Buffer.concat(
    segments.map((segment) => {
      const { text } = segment;
      if (!isKanjiSegment(segment)) return Buffer.from(text, 'utf8');
      const bytes = Buffer.alloc(text.length * 2);
      for (let i = 0; i < text.length; i++)
        bytes.writeUInt16BE(kanjiShiftJis(kanji!.value(text.charCodeAt(i))!), i * 2);
      return bytes;
    }),
  );
}
