// The matrix encoder alone: `qrcode`'s main entry also pulls in pngjs, yargs and
// the browser renderers, none of which this function uses.
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions } from 'qrcode';
  export function create(text: string, options?: QRCodeOptions): QRCode;
}

declare module 'qrcode/lib/core/format-info.js' {
  import type { ErrorCorrectionLevel } from 'qrcode';
  /** The 15 format-information bits for a level and mask pattern. */
  export function getEncodedBits(errorCorrectionLevel: ErrorCorrectionLevel, mask: number): number;
}
