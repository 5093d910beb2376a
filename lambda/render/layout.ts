import { SizeTooSmallError } from './errors.js';
import { MODULE_PIXELS } from './spec.js';

/** Where the modules land in the image. */
export interface Layout {
  /** Pixels per module. */
  readonly scale: number;
  /** Quiet zone, in modules. */
  readonly margin: number;
  /** Modules across, quiet zone included. */
  readonly modulesAcross: number;
  /** Width and height of the image, in pixels. */
  readonly pixels: number;
}

/**
 * Whole pixels per module keep every module sharp, so a requested `size` is an upper
 * bound: the largest whole scale that fits. Without a size, MODULE_PIXELS per module.
 */
export function layout(matrixSize: number, margin: number, size: number | undefined): Layout {
  const modulesAcross = matrixSize + 2 * margin;
  const scale = size === undefined ? MODULE_PIXELS : Math.floor(size / modulesAcross);
  if (size !== undefined && scale < 1) throw new SizeTooSmallError(size, modulesAcross);
  return { scale, margin, modulesAcross, pixels: modulesAcross * scale };
}
