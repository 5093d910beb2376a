// Where the code and its caption go in the image. Without a caption, the code's own
// layout. With one, the band (caption-band.ts) goes under the code: the image grows by
// its height, or, at an exact size (`fit=exact`, the dialects), keeps that size and the
// code is laid out in what the band leaves above it.
import type { Rgba } from '../render/color.js';
import { SizeTooSmallError } from '../render/errors.js';
import { exactLayout, layout, type Layout } from '../render/layout.js';
import type { RenderSpec } from '../render/spec.js';
import { textPath, textWidth, type Caption } from './caption.js';
import { captionBand } from './caption-band.js';
import { loadCaptionFont } from './font/font.js';

/** A caption as drawn: SVG path data in the drawing's units (modules), its paint and its size in pixels. */
export interface DrawnCaption {
  readonly d: string;
  readonly color: Rgba;
  readonly size: number;
}

export function placeCode(
  symbolSize: number,
  spec: Pick<RenderSpec, 'canvas' | 'margin' | 'size' | 'dark'>,
  caption: Caption | undefined,
): { geometry: Layout; caption: DrawnCaption | undefined } {
  const { canvas, margin } = spec;
  const alone = canvas ? exactLayout(symbolSize, margin, canvas) : layout(symbolSize, margin, spec.size);
  if (caption === undefined) return { geometry: alone, caption: undefined };
  const font = loadCaptionFont();
  const band = captionBand(
    {
      imageWidth: alone.width,
      // The quiet zone as the code has it alone: at an exact size, before the band takes its room.
      quiet: alone.y[margin]! - alone.y[0]!,
      em: textWidth(caption.text, font),
      asked: caption.size,
    },
    { ascender: font.ascender / font.unitsPerEm, descender: font.descender / font.unitsPerEm },
  );
  let geometry: Layout;
  if (canvas) {
    const above = canvas.height - band.height;
    const modulesAcross = symbolSize + 2 * margin;
    if (Math.min(canvas.width, above) - 2 * canvas.padding < modulesAcross)
      throw new SizeTooSmallError(
        Math.min(canvas.width, canvas.height),
        modulesAcross + 2 * canvas.padding + band.height,
      );
    geometry = { ...exactLayout(symbolSize, margin, { ...canvas, height: above }), height: canvas.height };
  } else geometry = { ...alone, height: alone.height + band.height };
  const bandTop = geometry.height - band.height;
  const { x, y, modulesAcross } = geometry;
  const unit = (x[modulesAcross]! - x[0]!) / modulesAcross;
  const d = textPath(
    caption.text,
    {
      x: ((geometry.width - band.width) / 2 - x[0]!) / unit,
      baseline: (bandTop + band.baseline - y[0]!) / unit,
      size: band.size / unit,
    },
    font,
  );
  return { geometry, caption: { d, color: caption.color ?? spec.dark, size: band.size } };
}
