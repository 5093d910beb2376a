import { crc32, deflateSync } from 'node:zlib';
import type { QrSymbol } from '../qr/symbol.js';
import type { Rgba } from './color.js';
import type { Layout } from './layout.js';
import { forEachDarkRun } from './runs.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_GRAYSCALE = 0;
const COLOR_TYPE_PALETTE = 3;
/**
 * How the pixel rows are deflated. Level 6 gives the smallest files here; 9 is no smaller and
 * several times slower on these rows. The chunk is zlib's output buffer: its default, 16 KiB,
 * is a fresh allocation on every call for the few hundred bytes a typical code deflates to;
 * larger outputs take several chunks. The bytes deflate writes do not depend on it.
 */
export const DEFLATE_OPTIONS = { level: 6, chunkSize: 1024 } as const;

/**
 * The pixel rows of the image being encoded, in one buffer kept between calls: a warm
 * function draws into memory that is already mapped and cached rather than allocating
 * (and zeroing) it each time. deflateSync has read it all before encodePng returns, and
 * nothing keeps a view of it. Large images get their own buffer, so a rare
 * 2048 px request does not hold half a megabyte for the life of the function.
 */
const SCRATCH_LIMIT_BYTES = 64 * 1024;
let scratch: Buffer | undefined;

function scratchRows(bytes: number): Buffer {
  if (bytes > SCRATCH_LIMIT_BYTES) return Buffer.allocUnsafe(bytes);
  scratch ??= Buffer.allocUnsafe(SCRATCH_LIMIT_BYTES);
  return scratch.subarray(0, bytes);
}

/**
 * A 1-bit PNG: grayscale when the colors are opaque black and white, otherwise a
 * two-entry palette (with tRNS when a color is translucent). Every pixel row of a
 * module row is the same, so each is drawn once and copied, and the file is written
 * into one buffer. Modules land where the layout's edges say: whole pixels each, or
 * scaled to fill an exact size. Rows are unfiltered (filter type 0): repeated rows deflate to
 * back-references either way, and "Up"-filtered zero rows came out larger.
 */
export function encodePng(matrix: QrSymbol, { margin, width, height, x, y }: Layout, dark: Rgba, light: Rgba): Buffer {
  const grayscale = isOpaqueBlackOrWhite(dark) && isOpaqueBlackOrWhite(light);
  // Grayscale bit 1 is white; palette index 0 is the light color.
  const lightByte = grayscale && light.r === 255 ? 0xff : 0x00;
  const stride = 1 + ((width + 7) >>> 3);
  const raw = scratchRows(stride * height).fill(lightByte);
  // Every row starts with its filter-type byte, 0, then light pixels (quiet zone included).
  if (lightByte !== 0) for (let offset = 0; offset < raw.length; offset += stride) raw[offset] = 0;

  let firstOfRow = -1;
  let rowsOfRow = 0;
  forEachDarkRun(matrix, (row, start, end) => {
    const top = y[margin + row]!;
    const first = top * stride;
    if (first !== firstOfRow) {
      if (firstOfRow >= 0) copyRows(raw, firstOfRow, stride, rowsOfRow);
      firstOfRow = first;
      rowsOfRow = y[margin + row + 1]! - top;
    }
    flipBits(raw, first + 1, x[margin + start]!, x[margin + end]!);
  });
  if (firstOfRow >= 0) copyRows(raw, firstOfRow, stride, rowsOfRow);

  const idat = deflateSync(raw, DEFLATE_OPTIONS);
  const palette = grayscale ? undefined : Uint8Array.of(light.r, light.g, light.b, dark.r, dark.g, dark.b);
  const transparency =
    palette !== undefined && (light.a < 255 || dark.a < 255) ? Uint8Array.of(light.a, dark.a) : undefined;
  const out = Buffer.allocUnsafe(
    SIGNATURE.length + 12 + 13 + (palette ? 12 + 6 : 0) + (transparency ? 12 + 2 : 0) + 12 + idat.length + 12,
  );
  SIGNATURE.copy(out, 0);
  let offset = SIGNATURE.length;
  offset = writeChunk(out, offset, 'IHDR', 13, (at) => {
    out.writeUInt32BE(width, at);
    out.writeUInt32BE(height, at + 4);
    out[at + 8] = 1; // bit depth
    out[at + 9] = grayscale ? COLOR_TYPE_GRAYSCALE : COLOR_TYPE_PALETTE;
    out[at + 10] = out[at + 11] = out[at + 12] = 0; // compression, filter and interlace methods
  });
  if (palette) offset = writeChunk(out, offset, 'PLTE', palette.length, (at) => out.set(palette, at));
  if (transparency) offset = writeChunk(out, offset, 'tRNS', transparency.length, (at) => out.set(transparency, at));
  offset = writeChunk(out, offset, 'IDAT', idat.length, (at) => idat.copy(out, at));
  writeChunk(out, offset, 'IEND', 0, () => {});
  return out;
}

/**
 * The other `rows` - 1 pixel rows of a module row are copies of its first: doubling what
 * is done, so log2(rows) calls. (A module row with no dark module is all light already.)
 */
function copyRows(raw: Buffer, first: number, stride: number, rows: number): void {
  for (let done = 1; done < rows; done *= 2)
    raw.copyWithin(first + done * stride, first, first + Math.min(done, rows - done) * stride);
}

const isOpaqueBlackOrWhite = ({ r, g, b, a }: Rgba): boolean =>
  a === 255 && r === g && g === b && (r === 0 || r === 255);

/** Inverts bits [from, to) of the row that starts at byte `offset` (most significant bit first). */
function flipBits(buffer: Buffer, offset: number, from: number, to: number): void {
  let bit = from;
  while (bit < to && (bit & 7) !== 0) {
    buffer[offset + (bit >>> 3)]! ^= 0x80 >>> (bit & 7);
    bit++;
  }
  while (bit + 8 <= to) {
    buffer[offset + (bit >>> 3)]! ^= 0xff;
    bit += 8;
  }
  while (bit < to) {
    buffer[offset + (bit >>> 3)]! ^= 0x80 >>> (bit & 7);
    bit++;
  }
}

/** Writes a chunk (length, type, data by `fill`, CRC of type and data) at `offset`; returns where it ends. */
function writeChunk(out: Buffer, offset: number, type: string, length: number, fill: (at: number) => void): number {
  out.writeUInt32BE(length, offset);
  out.write(type, offset + 4, 'latin1');
  fill(offset + 8);
  out.writeUInt32BE(crc32(out.subarray(offset + 4, offset + 8 + length)), offset + 8 + length);
  return offset + 12 + length;
}
