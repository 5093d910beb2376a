import { crc32, deflateSync } from 'node:zlib';
import type { Rgba } from '../generate/color.js';
import type { Layout } from './layout.js';
import { forEachDarkRun, type QrMatrix } from './matrix.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_GRAYSCALE = 0;
const COLOR_TYPE_PALETTE = 3;
/** Level 6 gives the smallest files here; 9 is no smaller and several times slower on these rows. */
const DEFLATE_LEVEL = 6;

/**
 * A 1-bit PNG: grayscale when the colors are opaque black and white, otherwise a
 * two-entry palette (with tRNS when a color is translucent). Every pixel row of a
 * module row is the same, so each is drawn once and copied. Rows are unfiltered
 * (filter type 0 is the zero byte Buffer.alloc leaves): repeated rows deflate to
 * back-references either way, and "Up"-filtered zero rows came out larger.
 */
export function encodePng(matrix: QrMatrix, { scale, margin, pixels }: Layout, dark: Rgba, light: Rgba): Buffer {
  const grayscale = isOpaqueBlackOrWhite(dark) && isOpaqueBlackOrWhite(light);
  // Grayscale bit 1 is white; palette index 0 is the light color.
  const lightByte = grayscale && light.r === 255 ? 0xff : 0x00;
  const stride = 1 + ((pixels + 7) >>> 3);
  const raw = Buffer.alloc(stride * pixels);
  const quietRows = margin * scale;
  // Every row starts light (quiet zone included), after its filter-type byte.
  if (lightByte !== 0) {
    raw.fill(lightByte);
    for (let y = 0; y < pixels; y++) raw[y * stride] = 0;
  }

  const firstRowOf = (moduleRow: number): number => (quietRows + moduleRow * scale) * stride;
  forEachDarkRun(matrix, (row, start, end) => flipBits(raw, firstRowOf(row) + 1, (margin + start) * scale, (margin + end) * scale));
  for (let row = 0; row < matrix.size; row++) {
    const first = firstRowOf(row);
    for (let copy = 1; copy < scale; copy++) raw.copy(raw, first + copy * stride, first, first + stride);
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header[8] = 1; // bit depth
  header[9] = grayscale ? COLOR_TYPE_GRAYSCALE : COLOR_TYPE_PALETTE;
  // compression, filter and interlace methods: 0

  const chunks = [SIGNATURE, chunk('IHDR', header)];
  if (!grayscale) {
    chunks.push(chunk('PLTE', Buffer.from([light.r, light.g, light.b, dark.r, dark.g, dark.b])));
    if (light.a < 255 || dark.a < 255) chunks.push(chunk('tRNS', Buffer.from([light.a, dark.a])));
  }
  chunks.push(chunk('IDAT', deflateSync(raw, { level: DEFLATE_LEVEL })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(chunks);
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

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
