import { encodeSymbol } from '../qr/symbol.js';
import { layout } from './layout.js';
import { encodePng } from './png.js';
import type { ImageFormat, RenderSpec } from './spec.js';
import { encodeSvg } from './svg.js';

export interface RenderedImage {
  readonly format: ImageFormat;
  readonly contentType: string;
  readonly bytes: Buffer;
  /** Width and height, in pixels. */
  readonly pixels: number;
}

export const CONTENT_TYPES: Readonly<Record<ImageFormat, string>> = {
  png: 'image/png',
  svg: 'image/svg+xml',
};

/**
 * The same spec always gives the same bytes. Throws the QR core's CapacityExceededError
 * when the text does not fit, and SizeTooSmallError when the size cannot hold the code.
 */
export function renderQr(spec: RenderSpec): RenderedImage {
  const matrix = encodeSymbol(spec.text, spec.ecLevel);
  const geometry = layout(matrix.size, spec.margin, spec.size);
  const bytes =
    spec.format === 'png'
      ? encodePng(matrix, geometry, spec.dark, spec.light)
      : Buffer.from(encodeSvg(matrix, geometry, spec.dark, spec.light), 'utf8');
  return { format: spec.format, contentType: CONTENT_TYPES[spec.format], bytes, pixels: geometry.pixels };
}
