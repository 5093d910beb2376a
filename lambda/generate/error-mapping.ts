import { HttpError, badRequest } from '../errors.js';
import { maxCapacity } from '../qr/capacity.js';
import { CapacityExceededError } from '../qr/errors.js';
import { SizeTooSmallError } from '../render/errors.js';
import { renderQr, type RenderedImage } from '../render/render.js';
import type { RenderSpec } from '../render/spec.js';

/** renderQr, with the QR core's and the renderers' errors told to the client: 413 and 400. */
export function renderImage(spec: RenderSpec): RenderedImage {
  try {
    return renderQr(spec);
  } catch (error) {
    throw clientError(error);
  }
}

/** The QR core's CapacityExceededError as a 413 and the renderers' SizeTooSmallError as a 400; anything else as it is. */
export function clientError(error: unknown): unknown {
  if (error instanceof CapacityExceededError) {
    const { bytes, alphanumeric, digits } = maxCapacity(error.ecLevel);
    return new HttpError(
      413,
      'data_too_large',
      `the data (${error.bytes} bytes as UTF-8) does not fit a QR code at ecLevel ${error.ecLevel}: it holds at most ` +
        `${bytes} bytes of text, ${alphanumeric} upper-case alphanumeric characters or ${digits} digits` +
        (error.ecLevel === 'L' ? '' : '; a lower ecLevel holds more'),
      {
        ecLevel: error.ecLevel,
        bytes: error.bytes,
        maxBytes: bytes,
        maxAlphanumeric: alphanumeric,
        maxDigits: digits,
      },
      {},
      { cause: error },
    );
  }
  if (error instanceof SizeTooSmallError) {
    return badRequest(
      'size_too_small',
      `'size' ${error.size} is too small for this code: it is ${error.modulesAcross} modules across ` +
        `(margin included), so it needs at least ${error.modulesAcross} px`,
      { field: 'size', minimum: error.modulesAcross },
      error,
    );
  }
  return error;
}
