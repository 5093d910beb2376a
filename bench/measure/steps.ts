// The warm call of POST /generate cut into its steps, each timed on its own over the same
// input: where the time goes. Imports the sources (the bundle exports only the handler).
import { constants, deflateSync, inflateSync, type ZlibOptions } from 'node:zlib';
import { handler } from '../../lambda/handler.js';
import { blockStructure } from '../../lambda/qr/capacity.js';
import { encodeDataCodewords } from '../../lambda/qr/data-codewords.js';
import { finalCodewords } from '../../lambda/qr/interleave.js';
import { optimalSegments, rawSegments } from '../../lambda/qr/segments.js';
import { encodeSymbol } from '../../lambda/qr/symbol.js';
import { smallestVersion } from '../../lambda/qr/version.js';
import { layout } from '../../lambda/render/layout.js';
import { DEFLATE_OPTIONS, encodePng } from '../../lambda/render/png.js';
import { withoutRequestLog } from '../quiet.js';
import { median, timeFor } from '../stats.js';

export interface StepTiming {
  readonly step: string;
  readonly microseconds: number;
}

/** The same pixel rows deflated another way: how long, and how large. */
export interface DeflateSetting {
  readonly setting: string;
  readonly microseconds: number;
  /** The deflate stream's bytes: the IDAT chunk's data. */
  readonly bytes: number;
}

export interface StepProfile {
  /** The parts of a warm call; they add up to it. */
  readonly steps: readonly StepTiming[];
  /** Median µs of the whole handler call, in the same rounds. */
  readonly wholeCall: number;
  /** zlib's other settings on the same rows, in the same rounds; the function's own first. */
  readonly deflateSettings: readonly DeflateSetting[];
}

/** Each row's bytes less the row above's (PNG filter type 2, "Up"): a repeated row becomes zeros. */
function upFiltered(raw: Buffer, stride: number): Buffer {
  const up = Buffer.from(raw);
  for (let row = raw.length / stride - 1; row >= 1; row--) {
    up[row * stride] = 2;
    for (let i = 1; i < stride; i++)
      up[row * stride + i] = (raw[row * stride + i]! - raw[(row - 1) * stride + i]!) & 0xff;
  }
  return up;
}

const BLACK = { r: 0, g: 0, b: 0, a: 255 };
const WHITE = { r: 255, g: 255, b: 255, a: 255 };

/** Median microseconds a call of each step, over `rounds` rounds of about 20 ms each, after warmUpMs of turns. */
export async function profileSteps(text: string, rounds: number, warmUpMs: number): Promise<StepProfile> {
  const symbol = encodeSymbol(text, 'L');
  const geometry = layout(symbol.size, 4, undefined);
  const segments = optimalSegments(text, symbol.version);
  const structure = blockStructure(symbol.version, 'L');
  const data = encodeDataCodewords(segments, symbol.version, structure.dataCodewords);
  const png = encodePng(symbol, geometry, BLACK, WHITE);
  // The PNG's own pixel rows, to time deflate alone: its IDAT inflated back.
  const raw = inflateSync(idatOf(png));
  const stride = 1 + ((geometry.width + 7) >>> 3);
  const settings: readonly { setting: string; rows: Buffer; options: ZlibOptions }[] = [
    { setting: 'level 6, rows unfiltered: what the function does', rows: raw, options: DEFLATE_OPTIONS },
    { setting: 'level 9', rows: raw, options: { ...DEFLATE_OPTIONS, level: 9 } },
    { setting: 'level 4', rows: raw, options: { ...DEFLATE_OPTIONS, level: 4 } },
    { setting: 'level 1', rows: raw, options: { ...DEFLATE_OPTIONS, level: 1 } },
    {
      setting: 'runs only (Z_RLE), rows filtered Up',
      rows: upFiltered(raw, stride),
      options: { ...DEFLATE_OPTIONS, strategy: constants.Z_RLE },
    },
  ];
  const event = { body: JSON.stringify({ url: text }) };
  const context = { awsRequestId: 'bench' };

  // Timed as they nest in the code; the table gets the parts by difference.
  const timed = {
    segments: () => smallestVersion(optimalSegments(text, smallestVersion(rawSegments(text), 'L') ?? 40), 'L'),
    data: () => encodeDataCodewords(segments, symbol.version, structure.dataCodewords),
    codewords: () => finalCodewords(data, structure),
    symbol: () => encodeSymbol(text, 'L'),
    png: () => encodePng(symbol, geometry, BLACK, WHITE),
    deflate: () => deflateSync(raw, DEFLATE_OPTIONS),
    response: () =>
      JSON.stringify({ message: 'QR Code generated successfully', qr_code: png.toString('base64'), url: text }),
    whole: () => handler(event, context),
  };
  const runs = Object.values(timed).map((fn) => ({ fn, samples: [] as number[] }));
  const alternatives = settings.map(({ rows, options }) => ({
    fn: () => deflateSync(rows, options),
    samples: [] as number[],
  }));
  await withoutRequestLog(async () => {
    // Warmed to the steady state first, as the whole-call benchmark is: the steps take turns
    // for warmUpMs, the whole call among them.
    const warmUpStarted = performance.now();
    while (performance.now() - warmUpStarted < warmUpMs) for (const { fn } of runs) await fn();
    for (let round = 0; round < rounds; round++)
      for (const { fn, samples } of [...runs, ...alternatives]) samples.push(await timeFor(fn, 20));
  });
  const [segmentsUs, dataUs, codewordsUs, symbolUs, pngUs, deflateUs, responseUs, wholeUs] = runs.map(({ samples }) =>
    median(samples),
  ) as [number, number, number, number, number, number, number, number];
  const steps: StepTiming[] = [
    { step: 'segments and version (§7.3–7.4)', microseconds: segmentsUs },
    { step: 'data codewords (§7.4.10)', microseconds: dataUs },
    { step: 'Reed–Solomon and interleaving (§7.5–7.6)', microseconds: codewordsUs },
    {
      step: 'placement and mask choice (§7.7–7.8), the rest of the symbol',
      microseconds: Math.max(0, symbolUs - segmentsUs - dataUs - codewordsUs),
    },
    { step: 'PNG rows and chunks', microseconds: Math.max(0, pngUs - deflateUs) },
    { step: 'deflate (zlib level 6)', microseconds: deflateUs },
    { step: 'base64 and the JSON body', microseconds: responseUs },
    {
      step: 'the rest: event, options, routing, log line, and what running the steps together costs (caches, GC)',
      microseconds: Math.max(0, wholeUs - symbolUs - pngUs - responseUs),
    },
  ];
  const deflateSettings = settings.map(({ setting, rows, options }, i) => ({
    setting,
    microseconds: median(alternatives[i]!.samples),
    bytes: deflateSync(rows, options).length,
  }));
  // Each setting's stream must give the rows back, or its bytes would be no measure.
  for (const { setting, rows, options } of settings)
    if (!inflateSync(deflateSync(rows, options)).equals(rows)) throw new Error(`${setting}: does not inflate back`);
  return { steps, wholeCall: wholeUs, deflateSettings };
}

function idatOf(png: Buffer): Buffer {
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString('latin1', offset + 4, offset + 8) === 'IDAT') return png.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;
  }
  throw new Error('no IDAT chunk');
}
