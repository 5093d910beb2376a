import type { EcLevel } from '../qr/ec-level.js';
import type { KanjiCodes } from '../qr/kanji.js';
import type { Rgba } from './color.js';

/** PNG, SVG, or text (Unicode half blocks, for terminals). */
export type ImageFormat = 'png' | 'svg' | 'txt';

/** What to draw: one QR code, in one format, at one size, in two colours. */
export interface RenderSpec {
  /** The data to encode, exactly as given. */
  readonly text: string;
  readonly format: ImageFormat;
  /** Upper bound for the image's width and height in pixels; absent: MODULE_PIXELS per module. */
  readonly size: number | undefined;
  /** An image of exactly this size instead, the modules scaled to fill it (`size` is then not read). */
  readonly canvas?: Canvas;
  /** Quiet zone, in modules. */
  readonly margin: number;
  readonly ecLevel: EcLevel;
  /** ECI 26 in front of the byte data: readers know it for UTF-8 rather than guess. */
  readonly eci?: boolean;
  /** Kanji mode, with its table, for the characters it holds (the text was checked for it). */
  readonly kanji?: KanjiCodes | undefined;
  readonly dark: Rgba;
  readonly light: Rgba;
}

/** Pixels per module when no size is asked for, … */
export const MODULE_PIXELS = 10;
/** … as long as the image stays within the largest `size` a client may ask for. */
export const MAX_PIXELS = 2048;

/** An exact image size: `width` × `height` pixels, the code centred inside `padding` pixels of light. */
export interface Canvas {
  readonly width: number;
  readonly height: number;
  readonly padding: number;
}
