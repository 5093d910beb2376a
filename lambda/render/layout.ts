import { SizeTooSmallError } from './errors.js';
import { MAX_PIXELS, MODULE_PIXELS, type Canvas } from './spec.js';

/** Where the modules land in the image. */
export interface Layout {
  /** Quiet zone, in modules. */
  readonly margin: number;
  /** Modules across, quiet zone included. */
  readonly modulesAcross: number;
  /** Width and height of the image, in pixels. */
  readonly width: number;
  readonly height: number;
  /**
   * Where each module column (x) and row (y) starts, in pixels from the image's left and
   * top edge, quiet zone included; entry `modulesAcross` is where the last one ends.
   */
  readonly x: Int32Array;
  readonly y: Int32Array;
}

/** Edges `origin + round(i * span / count)` for i = 0..count: as even as whole pixels allow. */
function edges(origin: number, span: number, count: number): Int32Array {
  const result = new Int32Array(count + 1);
  for (let i = 0; i <= count; i++) result[i] = origin + Math.round((i * span) / count);
  return result;
}

/**
 * Whole pixels per module keep every module sharp, so a requested `size` is an upper
 * bound: the largest whole scale that fits. Without a size, MODULE_PIXELS per module, or
 * fewer where that would pass MAX_PIXELS (a version-40 code with a wide quiet zone): no
 * request gets a larger image by leaving `size` out than by asking for the most.
 */
export function layout(matrixSize: number, margin: number, size: number | undefined): Layout {
  const modulesAcross = matrixSize + 2 * margin;
  const scale = Math.floor((size ?? Math.min(MAX_PIXELS, modulesAcross * MODULE_PIXELS)) / modulesAcross);
  if (size !== undefined && scale < 1) throw new SizeTooSmallError(size, modulesAcross);
  const pixels = modulesAcross * scale;
  const grid = edges(0, pixels, modulesAcross);
  return { margin, modulesAcross, width: pixels, height: pixels, x: grid, y: grid };
}

/**
 * An image of exactly `width` × `height` pixels (the size the dialects promise): the code,
 * quiet zone included, fills the largest square that fits inside `padding` pixels of
 * light on every side, centred, each module as close to the same width as whole pixels allow.
 */
export function exactLayout(matrixSize: number, margin: number, { width, height, padding }: Canvas): Layout {
  const modulesAcross = matrixSize + 2 * margin;
  const span = Math.min(width, height) - 2 * padding;
  if (span < modulesAcross) throw new SizeTooSmallError(Math.min(width, height), modulesAcross + 2 * padding);
  return {
    margin,
    modulesAcross,
    width,
    height,
    x: edges(Math.floor((width - span) / 2), span, modulesAcross),
    y: edges(Math.floor((height - span) / 2), span, modulesAcross),
  };
}
