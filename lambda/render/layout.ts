import { badRequest } from '../errors.js';
import { DEFAULTS } from '../generate/options.js';

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
 * bound: the largest whole scale that fits. Without a size, 10 px per module.
 */
export function layout(matrixSize: number, margin: number, size: number | undefined): Layout {
  const modulesAcross = matrixSize + 2 * margin;
  const scale = size === undefined ? DEFAULTS.modulePixels : Math.floor(size / modulesAcross);
  if (scale < 1) {
    throw badRequest(
      `'size' ${size} is too small for this code: it is ${modulesAcross} modules across ` +
        `(margin included), so it needs at least ${modulesAcross} px`,
    );
  }
  return { scale, margin, modulesAcross, pixels: modulesAcross * scale };
}
