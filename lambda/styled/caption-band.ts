// Where a caption goes: a band under the code, as wide as the image, its text centred.
// In pixels, for a caption of size s (the em) under a code whose quiet zone is q wide:
//   gap     = ceil(s / 2)                  the least space around the text
//   line    = ceil(s × (ascender − descender))   the font's line, 1.21 s for Inter
//   top     = max(0, gap − q)              the quiet zone counts towards the space above
//   bottom  = max(gap, q)                  below it as much as the quiet zone, so the light
//                                          frame around code and caption is even
//   height  = top + line + bottom
//   baseline: top + s × ascender below the band's top edge
// The text, s × its advance wide, must leave max(gap, q) on each side; a text too wide is set
// smaller, a pixel at a time, down to CAPTION_LIMITS.minSize, and refused past it.
import { badRequest } from '../errors.js';
import { CAPTION_LIMITS } from './caption.js';

export interface CaptionBand {
  /** The text's size in pixels, as drawn. */
  readonly size: number;
  readonly height: number;
  /** From the band's top edge to the baseline. */
  readonly baseline: number;
  /** The text's width in pixels. */
  readonly width: number;
}

/** The default size: a sixteenth of the image's width, within the limits. */
export const defaultCaptionSize = (imageWidth: number): number =>
  Math.min(CAPTION_LIMITS.maxSize, Math.max(CAPTION_LIMITS.minSize, Math.round(imageWidth / 16)));

/**
 * The band for a text `em` ems wide (its advance at a size of 1) under an image `imageWidth`
 * pixels wide whose code has a quiet zone of `quiet` pixels; `asked` the largest size, or
 * the default. The font's `ascender` and `descender` are in ems.
 */
export function captionBand(
  { imageWidth, quiet, em, asked }: { imageWidth: number; quiet: number; em: number; asked: number | undefined },
  { ascender, descender }: { ascender: number; descender: number },
): CaptionBand {
  const gap = (size: number): number => Math.ceil(size / 2);
  const room = (size: number): number => imageWidth - 2 * Math.max(gap(size), quiet);
  let size = asked ?? defaultCaptionSize(imageWidth);
  while (size * em > room(size)) {
    if (size <= CAPTION_LIMITS.minSize) {
      const wide = Math.ceil(CAPTION_LIMITS.minSize * em);
      throw badRequest(
        'caption_too_wide',
        `'caption' is ${wide} px wide at the smallest caption size (${CAPTION_LIMITS.minSize} px), wider than the ${Math.max(0, room(size))} px the image leaves it ` +
          '(its width, less the quiet zone or half the text size on each side): shorten it, or ask for a larger image (size) or a smaller margin',
        { field: 'caption', width: wide, available: Math.max(0, room(size)), minSize: CAPTION_LIMITS.minSize },
      );
    }
    size--;
  }
  const top = Math.max(0, gap(size) - quiet);
  const line = Math.ceil(size * (ascender - descender));
  return {
    size,
    height: top + line + Math.max(gap(size), quiet),
    baseline: top + size * ascender,
    width: size * em,
  };
}
