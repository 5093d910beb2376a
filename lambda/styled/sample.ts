import { luminanceOnWhite } from '../generate/color.js';
import type { QrSymbol } from '../qr/symbol.js';
import type { Rgba } from '../render/color.js';
import type { Layout } from '../render/layout.js';
import type { Raster } from './raster.js';
import { inFinder } from './svg.js';

/**
 * The modules that read wrong in the image as drawn, printed on white: each sampled at its centre pixel as a
 * reader samples it, dark below the luminance midway between the lightest dark colour and
 * the light one. The finder patterns are left to the decoders, which find them by their
 * proportions; every other module counts, function modules included.
 */
export function wrongModules(
  symbol: QrSymbol,
  { margin, x, y }: Layout,
  raster: Raster,
  darks: readonly Rgba[],
  light: Rgba,
): number[] {
  const threshold = (luminanceOnWhite(light) + Math.max(...darks.map(luminanceOnWhite))) / 2;
  const { size, modules } = symbol;
  const { onWhite: pixels, width } = raster;
  const wrong: number[] = [];
  for (let row = 0; row < size; row++) {
    const py = Math.floor((y[margin + row]! + y[margin + row + 1]!) / 2);
    for (let col = 0; col < size; col++) {
      if (inFinder(size, row, col)) continue;
      const px = Math.floor((x[margin + col]! + x[margin + col + 1]!) / 2);
      const at = (py * width + px) * 4;
      const read = luminanceOnWhite({ r: pixels[at]!, g: pixels[at + 1]!, b: pixels[at + 2]!, a: 255 }) < threshold;
      if (read !== (modules[row * size + col] === 1)) wrong.push(row * size + col);
    }
  }
  return wrong;
}
