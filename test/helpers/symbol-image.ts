import jsQRModule from 'jsqr';
import type { QrSymbol } from '../../lambda/qr/symbol.js';
import type { RgbaImage } from './png-decode.js';

/** A symbol as pixels, black on white, `scale` a module, with a 4-module quiet zone. */
export function symbolImage(symbol: QrSymbol, scale = 4): RgbaImage {
  const across = (symbol.size + 8) * scale;
  const rgba = new Uint8ClampedArray(across * across * 4).fill(255);
  for (let row = 0; row < symbol.size; row++) {
    for (let col = 0; col < symbol.size; col++) {
      if (symbol.modules[row * symbol.size + col] !== 1) continue;
      for (let y = 0; y < scale; y++) {
        const at = (((row + 4) * scale + y) * across + (col + 4) * scale) * 4;
        for (let x = 0; x < scale; x++) rgba.fill(0, at + x * 4, at + x * 4 + 3);
      }
    }
  }
  return { width: across, height: across, rgba };
}

// jsqr is CommonJS whose types declare an ES default export: under Node's interop the
// default is the module object, which carries the function as its own `default` too.
interface JsQrChunk {
  readonly type: string;
  readonly assignmentNumber?: number;
}
type JsQr = (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string; binaryData: number[]; chunks: JsQrChunk[] } | null;
const jsQR = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as unknown as JsQr;

export interface JsQrReading {
  /** The text jsQR makes of the segments: bytes as UTF-8, Kanji as Shift JIS. */
  readonly text: string;
  /** The raw bytes, Kanji segments as their Shift JIS bytes. */
  readonly bytes: Buffer;
  /** The segments' kinds in order: numeric, alphanumeric, byte, kanji, eci (with its designator: eci 26). */
  readonly segments: readonly string[];
}

/** What jsQR, a decoder of its own (not ZXing's), reads from the image; throws when it finds no code. */
export function readWithJsQr(image: RgbaImage): JsQrReading {
  const found = jsQR(image.rgba, image.width, image.height);
  if (found === null) throw new Error('jsQR found no QR code');
  return {
    text: found.data,
    bytes: Buffer.from(found.binaryData),
    segments: found.chunks.map((chunk) => (chunk.type === 'eci' ? `eci ${chunk.assignmentNumber}` : chunk.type)),
  };
}
