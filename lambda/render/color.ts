/** A colour with straight (not premultiplied) alpha, each channel 0–255. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  /** 0 (transparent) … 255 (opaque). */
  readonly a: number;
}

export const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 255 };
export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 };

export const sameColor = (x: Rgba, y: Rgba): boolean => x.r === y.r && x.g === y.g && x.b === y.b && x.a === y.a;

/** `#rrggbb`, for SVG attributes (alpha goes in a separate opacity attribute). */
export const toHexRgb = ({ r, g, b }: Rgba): string =>
  `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
