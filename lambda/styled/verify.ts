// Two decoders that share no code read the image before it leaves: ZXing (C++, as
// WebAssembly) and jsQR (JavaScript), each at the image's own size and at half size.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsQRModule from 'jsqr';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { Raster } from './raster.js';

export const DECODERS = ['zxing-wasm', 'jsqr'] as const;

// jsqr is CommonJS whose types declare an ES default export: under Node's interop the
// default is the module object, which carries the function as its own `default` too.
type JsQr = (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts?: 'dontInvert' },
) => { binaryData: number[] } | null;
const jsQR = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as unknown as JsQr;

/** ZXing's WebAssembly: beside the bundled chunk (build.mjs copies it there), or in node_modules when run from the sources. */
function zxingWasm(): ArrayBuffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(new URL('./zxing_reader.wasm', import.meta.url));
  } catch {
    bytes = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  }
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

let zxing: Promise<unknown> | undefined;

/** What each decoder read from an image: the bytes, or undefined. */
async function readImage(raster: Raster): Promise<[Buffer | undefined, Buffer | undefined]> {
  zxing ??= prepareZXingModule({ overrides: { wasmBinary: zxingWasm() }, fireImmediately: true });
  await zxing;
  const data = raster.onWhite;
  const image = { data, width: raster.width, height: raster.height, colorSpace: 'srgb' } as unknown as Parameters<
    typeof readBarcodes
  >[0];
  const found = (
    await readBarcodes(image, {
      formats: ['QRCode'],
      // Read as a camera's first look does: no second tries that a printed code cannot count on.
      tryHarder: false,
      tryRotate: false,
      tryInvert: false,
      tryDownscale: false,
      maxNumberOfSymbols: 1,
    })
  ).find((result) => result.isValid);
  const js = jsQR(data, raster.width, raster.height, { inversionAttempts: 'dontInvert' });
  return [found ? Buffer.from(found.bytes) : undefined, js ? Buffer.from(js.binaryData) : undefined];
}

/**
 * The first decoder and width that did not read exactly the symbol's `content` (its bytes:
 * UTF-8, Shift JIS in Kanji segments), as `jsqr at 148 px`; undefined when both read every image.
 */
export async function unreadBy(images: readonly Raster[], expected: Buffer): Promise<string | undefined> {
  for (const image of images) {
    const read = await readImage(image);
    const failed = DECODERS.find((_, i) => !read[i]?.equals(expected));
    if (failed !== undefined) return `${failed} at ${image.width} px`;
  }
  return undefined;
}
