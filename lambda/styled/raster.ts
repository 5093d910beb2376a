import { Resvg } from '@resvg/resvg-js';

/** An image's pixels, and the same image as read on paper. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  /**
   * The pixels as a print on white paper shows them: opaque RGBA, 4 bytes a pixel, row by
   * row. What the sampler and the decoders read (the decoders ignore alpha, so a transparent
   * background would otherwise read as black).
   */
  readonly onWhite: Uint8ClampedArray;
  /** The image itself as a PNG file, transparency kept. */
  png(): Buffer;
}

/** resvg's premultiplied RGBA composited onto white; the same memory when every pixel is opaque. */
function composited(pixels: Buffer): Uint8ClampedArray {
  const data = new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  let opaque = true;
  for (let i = 3; i < data.length && opaque; i += 4) opaque = data[i] === 255;
  if (opaque) return data;
  const white = new Uint8ClampedArray(data.length);
  for (let i = 0; i < data.length; i += 4) {
    const clear = 255 - data[i + 3]!;
    white[i] = data[i]! + clear;
    white[i + 1] = data[i + 1]! + clear;
    white[i + 2] = data[i + 2]! + clear;
    white[i + 3] = 255;
  }
  return white;
}

/** Draws an SVG `width` pixels wide with resvg (native code): no fonts, no file or network access. */
export function rasterize(svg: string, width: number): Raster {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    imageRendering: 0,
    shapeRendering: 2,
  }).render();
  return {
    width: image.width,
    height: image.height,
    onWhite: composited(image.pixels),
    png: () => image.asPng(),
  };
}
