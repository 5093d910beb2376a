// The matrix encoder alone: `qrcode`'s main entry also pulls in pngjs, yargs and
// the browser renderers, none of which this function uses.
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions } from 'qrcode';
  export function create(text: string, options?: QRCodeOptions): QRCode;
}
