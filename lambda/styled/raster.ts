import { Resvg } from '@resvg/resvg-js';

/** An image's pixels, RGBA, 4 bytes a pixel, row by row. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Buffer;
  /** The same image as a PNG file. */
  png(): Buffer;
}

/** Draws an SVG `width` pixels wide with resvg (native code): no fonts, no file or network access. */
export function rasterize(svg: string, width: number): Raster {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    imageRendering: 0,
    shapeRendering: 2,
  }).render();
  return { width: image.width, height: image.height, pixels: image.pixels, png: () => image.asPng() };
}
