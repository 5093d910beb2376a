/** The image size asked for is smaller than one pixel per module, quiet zone included. */
export class SizeTooSmallError extends Error {
  override readonly name = 'SizeTooSmallError';

  constructor(
    readonly size: number,
    /** Modules across, quiet zone included: the smallest size that would do. */
    readonly modulesAcross: number,
  ) {
    super(`a ${size} px image cannot hold ${modulesAcross} modules across`);
  }
}
