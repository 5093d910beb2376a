import type { EcLevel } from '../qr/ec-level.js';
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
  /** Quiet zone, in modules. */
  readonly margin: number;
  readonly ecLevel: EcLevel;
  readonly dark: Rgba;
  readonly light: Rgba;
}

/** Pixels per module when no size is asked for. */
export const MODULE_PIXELS = 10;
