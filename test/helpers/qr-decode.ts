import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { RgbaImage } from './png-decode.js';

// zxing-wasm would fetch its .wasm from a CDN; hand it the copy in node_modules instead.
const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
const ready = prepareZXingModule({
  overrides: { wasmBinary: readFileSync(wasmPath).buffer as ArrayBuffer },
  fireImmediately: true,
});

export interface DecodedQr {
  /** The raw bytes stored in the symbol. */
  readonly bytes: Buffer;
  readonly ecLevel: string;
  readonly version: string;
  /** The text ZXing makes of them: Kanji segments as Shift JIS, byte segments by their ECI or its guess. */
  readonly text: string;
  /** Whether the symbol holds an ECI designator. */
  readonly hasEci: boolean;
}

/**
 * Reads the one QR code in an image: PNG file bytes, or RGBA pixels. Fails unless
 * exactly one valid QR code is found.
 */
export async function decodeQr(image: Uint8Array | RgbaImage): Promise<DecodedQr> {
  await ready;
  const input =
    image instanceof Uint8Array
      ? image
      : ({ data: image.rgba, width: image.width, height: image.height, colorSpace: 'srgb' } as unknown as Parameters<
          typeof readBarcodes
        >[0]);
  const results = (await readBarcodes(input, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 2 })).filter(
    (r) => r.isValid,
  );
  if (results.length !== 1) throw new Error(`expected one QR code in the image, found ${results.length}`);
  const [result] = results as [(typeof results)[number]];
  return {
    bytes: Buffer.from(result.bytes),
    ecLevel: result.ecLevel,
    version: result.version,
    text: result.text,
    hasEci: result.hasECI,
  };
}

/** Decodes and returns the stored data as UTF-8 text, checking the bytes are exactly that text's. */
export async function decodeQrText(image: Uint8Array | RgbaImage): Promise<string> {
  return (await decodeQr(image)).bytes.toString('utf8');
}
