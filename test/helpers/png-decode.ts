import { crc32, inflateSync } from 'node:zlib';

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** 4 bytes a pixel, row by row. */
  readonly rgba: Uint8ClampedArray;
}

export interface DecodedPng extends RgbaImage {
  readonly bitDepth: number;
  readonly colorType: number;
  readonly chunkTypes: readonly string[];
  /** PLTE entries as [r, g, b, a] (alpha from tRNS, else 255). */
  readonly palette: readonly (readonly [number, number, number, number])[];
}

/**
 * An independent reader for what the renderer writes (1-bit grayscale or palette,
 * no interlace), strict about signature, CRCs and chunk order; all five filter types.
 */
export function decodePng(file: Buffer): DecodedPng {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!file.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  let plte: Buffer | undefined;
  let trns: Buffer | undefined;
  for (let offset = 8; offset < file.length; ) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (crc32(file.subarray(offset + 4, offset + 8 + length)) !== file.readUInt32BE(offset + 8 + length)) {
      throw new Error(`bad CRC in ${type}`);
    }
    chunkTypes.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'PLTE') plte = data;
    if (type === 'tRNS') trns = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (!header || chunkTypes[0] !== 'IHDR' || chunkTypes.at(-1) !== 'IEND') throw new Error('bad chunk order');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header[8]!;
  const colorType = header[9]!;
  if (bitDepth !== 1 || (colorType !== 0 && colorType !== 3) || header[12] !== 0) {
    throw new Error(`unsupported PNG: bit depth ${bitDepth}, color type ${colorType}, interlace ${header[12]}`);
  }
  const palette: [number, number, number, number][] = [];
  if (colorType === 3) {
    if (!plte) throw new Error('palette image without PLTE');
    for (let i = 0; i < plte.length / 3; i++) {
      palette.push([plte[i * 3]!, plte[i * 3 + 1]!, plte[i * 3 + 2]!, trns?.[i] ?? 255]);
    }
  } else {
    palette.push([0, 0, 0, 255], [255, 255, 255, 255]);
  }

  const raw = inflateSync(Buffer.concat(idat));
  const stride = Math.ceil(width / 8);
  if (raw.length !== (stride + 1) * height)
    throw new Error(`IDAT holds ${raw.length} bytes, expected ${(stride + 1) * height}`);
  const rgba = new Uint8ClampedArray(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const left = i > 0 ? line[i - 1]! : 0; // bpp is 1 byte for 1-bit images
      const up = previous[i]!;
      const upLeft = i > 0 ? previous[i - 1]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`bad filter type ${filter} on row ${y}`);
      line[i] = (line[i]! + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const index = (line[x >> 3]! >> (7 - (x & 7))) & 1;
      const color = palette[index];
      if (!color) throw new Error(`palette index ${index} out of range`);
      rgba.set(color, (y * width + x) * 4);
    }
    previous = line;
  }
  return { width, height, rgba, bitDepth, colorType, chunkTypes, palette };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The color at (x, y) as [r, g, b, a]. */
export const pixelAt = (image: RgbaImage, x: number, y: number): number[] =>
  Array.from(image.rgba.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4));
