import { encodeSymbol } from '../qr/symbol.js';
import { exactLayout, layout } from './layout.js';
import { encodePng } from './png.js';
import type { ImageFormat, RenderSpec } from './spec.js';
import { encodeSvg } from './svg.js';
import { encodeText } from './text.js';

export interface RenderedImage {
  readonly format: ImageFormat;
  readonly contentType: string;
  readonly bytes: Buffer;
  /** In pixels; for text, characters across and lines. */
  readonly width: number;
  readonly height: number;
}

export const CONTENT_TYPES: Readonly<Record<ImageFormat, string>> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  txt: 'text/plain; charset=utf-8',
};

/**
 * The same spec always gives the same bytes. Throws the QR core's CapacityExceededError
 * when the text does not fit, and SizeTooSmallError when the size cannot hold the code.
 */
export function renderQr(spec: RenderSpec): RenderedImage {
  const matrix = encodeSymbol(spec.text, spec.ecLevel, { eci: spec.eci, kanji: spec.kanji });
  const contentType = CONTENT_TYPES[spec.format];
  if (spec.format === 'txt') {
    // Characters, not pixels: size and colours are the terminal's.
    const across = matrix.size + 2 * spec.margin;
    // Two module rows a line.
    return {
      format: 'txt',
      contentType,
      bytes: Buffer.from(encodeText(matrix, spec.margin), 'utf8'),
      width: across,
      height: Math.ceil(across / 2),
    };
  }
  const geometry = spec.canvas
    ? exactLayout(matrix.size, spec.margin, spec.canvas)
    : layout(matrix.size, spec.margin, spec.size);
  const bytes =
    spec.format === 'png'
      ? encodePng(matrix, geometry, spec.dark, spec.light)
      : Buffer.from(encodeSvg(matrix, geometry, spec.dark, spec.light), 'utf8');
  return { format: spec.format, contentType, bytes, width: geometry.width, height: geometry.height };
}
