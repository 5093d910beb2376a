// The fastest QR encoders beside this function, taking turns: each implementation's documented
// call to an image, its SVG where it has one, a 1,000-byte payload at M, the matrix alone, and
// init (import, or for libqrencode the program's start, to the first code in a fresh process).
// The JavaScript peers run in this process; Debian's libqrencode runs in its C harness
// (bench/peers/qrencode.c), which times itself. Every image is read back by ZBar before it is
// timed (an SVG once drawn by rsvg-convert), so nothing is measured that does not scan.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { initSync, qr as fastQr, qr_svg as fastQrSvg, SvgOptions } from 'fast_qr/fast_qr.js';
import { correction, generate } from 'lean-qr';
import { toPngBuffer } from 'lean-qr/extras/node_export';
import { toSvgSource } from 'lean-qr/extras/svg';
import encodeQR from 'qr';
import QRCode from 'qrcode';
import qrcodeGenerator from 'qrcode-generator';
import type { EcLevel } from '../../lambda/qr/ec-level.js';
import { encodeSymbol, type QrSymbol } from '../../lambda/qr/symbol.js';
import { layout } from '../../lambda/render/layout.js';
import { encodePng } from '../../lambda/render/png.js';
import { encodeSvg } from '../../lambda/render/svg.js';
import { MARGIN, SCALE } from '../config.js';
import { withoutRequestLog } from '../quiet.js';
import { median, shuffled, timeFor } from '../stats.js';

const BLACK = { r: 0, g: 0, b: 0, a: 255 };
const WHITE = { r: 255, g: 255, b: 255, a: 255 };
/** A 1,000-byte text, at level M. */
export const LARGE = 'https://example.com/?'.padEnd(1000, 'abcdefghij');
/** Where `make bench-deps` builds the libqrencode harness. */
export const QRENCODE_HARNESS = 'build/bench/qrencode';

export type PeerKey =
  | 'image-path'
  | 'handler'
  | 'qr'
  | 'fast_qr'
  | 'libqrencode'
  | 'lean-qr'
  | 'qrcode-generator'
  | 'node-qrcode';

export interface PeerResult {
  readonly key: PeerKey;
  readonly label: string;
  /** Median µs a call: the documented request's image (PNG, or GIF where that is all there is). */
  readonly documentedUs: number;
  /** Median µs a call of its SVG of the documented request, where it has one. */
  readonly svgUs?: number;
  /** Median ms a call: the 1,000-byte text at M. */
  readonly largeMs: number;
  /** Median µs a call: the matrix alone, documented request. */
  readonly matrixUs: number;
  /** Median ms from the start of a fresh process's import (or program) to its first code. */
  readonly initMs: number;
  /** Bytes of its image of the documented request. */
  readonly bytes: number;
  /** The level it encodes at when it cannot be told one. */
  readonly fixedLevel?: EcLevel;
}

/** The peers' rows, in the order the report lists them (this function's image path first). */
export interface PeersResult {
  readonly rounds: number;
  readonly rows: readonly PeerResult[];
}

/** An implementation in this process: its image, its SVG, its matrix, and the module a fresh process imports. */
interface JsPeer {
  readonly key: PeerKey;
  readonly label: string;
  readonly image: (text: string, level: EcLevel) => Buffer | Promise<Buffer>;
  /** What is timed for the image cases, when more than the image: the whole handler call, its response not read. */
  readonly call?: (text: string, level: EcLevel) => unknown;
  readonly svg?: (text: string, level: EcLevel) => string | Promise<string>;
  readonly matrix: (text: string, level: EcLevel) => unknown;
  /** The source of a module that makes the first code when imported, bundled by esbuild first when `bundle`. */
  readonly init: { readonly source: string; readonly bundle: boolean };
  readonly fixedLevel?: EcLevel;
}

/** A matrix, dark(row, col) for each module, as the row lines this project's writers read. */
function symbolFrom(size: number, dark: (row: number, col: number) => boolean, level: EcLevel): QrSymbol {
  const words = Math.ceil(size / 32);
  const rows = new Int32Array(size * words);
  const modules = new Uint8Array(size * size);
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++)
      if (dark(row, col)) {
        const word = row * words + (col >>> 5);
        rows[word] = (rows[word] ?? 0) | (1 << (col & 31));
        modules[row * size + col] = 1;
      }
  return { version: (size - 17) / 4, size, ecLevel: level, mask: 0, words, rows, modules, segments: [] };
}

const pngOf = (symbol: QrSymbol): Buffer => encodePng(symbol, layout(symbol.size, MARGIN, undefined), BLACK, WHITE);
const svgOf = (symbol: QrSymbol): string => encodeSvg(symbol, layout(symbol.size, MARGIN, undefined), BLACK, WHITE);

/** qr's matrix carries a border of 2. */
const qrSymbol = (text: string, level: EcLevel): QrSymbol => {
  const matrix = encodeQR(text, 'raw', { ecc: QR_ECC[level] });
  return symbolFrom(matrix.length - 4, (row, col) => matrix[row + 2]?.[col + 2] === true, level);
};
/** fast_qr's matrix: a byte a module, row by row, at the level it chooses (Q). */
const fastQrSymbol = (text: string): QrSymbol => {
  const matrix = fastQr(text);
  const size = Math.sqrt(matrix.length);
  return symbolFrom(size, (row, col) => matrix[row * size + col] === 1, 'Q');
};

const QR_ECC = { L: 'low', M: 'medium', Q: 'quartile', H: 'high' } as const;
const LEAN_ECC = { L: correction.L, M: correction.M, Q: correction.Q, H: correction.H } as const;
const leanCode = (text: string, level: EcLevel) =>
  generate(text, { minCorrectionLevel: LEAN_ECC[level], maxCorrectionLevel: LEAN_ECC[level] });
const generatorCode = (text: string, level: EcLevel) => {
  const code = qrcodeGenerator(0, level);
  code.addData(unescape(encodeURIComponent(text)), 'Byte');
  code.make();
  return code;
};

/** fast_qr ships WebAssembly for bundlers and browsers: Node instantiates it from the file. */
const fastQrWasm = createRequire(import.meta.url).resolve('fast_qr/fast_qr_bg.wasm');
const fastQrOptions = (): SvgOptions => new SvgOptions().margin(MARGIN);

function jsPeers(root: string, text: string, handler: (event: unknown) => Promise<{ body: string }>): JsPeer[] {
  const bundleUrl = pathToFileURL(`${root}build/lambda/index.mjs`).href;
  const ours = (symbol: string) => `import { encodeSymbol } from ${JSON.stringify(`${root}lambda/qr/symbol.ts`)};
import { layout } from ${JSON.stringify(`${root}lambda/render/layout.ts`)};
import { encodePng } from ${JSON.stringify(`${root}lambda/render/png.ts`)};
const black = { r: 0, g: 0, b: 0, a: 255 }, white = { r: 255, g: 255, b: 255, a: 255 };
const symbol = ${symbol};
encodePng(symbol, layout(symbol.size, ${MARGIN}, undefined), black, white);`;
  const t = JSON.stringify(text);
  // The events built once, as the caller's, not the function's, work.
  const events = new Map<string, { body: string }>();
  const eventFor = (input: string, level: EcLevel) => {
    const key = `${level}${input}`;
    const event = events.get(key) ?? { body: JSON.stringify({ url: input, ecLevel: level }) };
    events.set(key, event);
    return event;
  };
  return [
    {
      key: 'image-path',
      label: 'qr-lambda, image path (encodeSymbol, layout, encodePng)',
      image: (input, level) => pngOf(encodeSymbol(input, level)),
      svg: (input, level) => svgOf(encodeSymbol(input, level)),
      matrix: encodeSymbol,
      init: { source: ours(`encodeSymbol(${t}, 'L')`), bundle: true },
    },
    {
      key: 'handler',
      label: 'qr-lambda, the whole handler call (JSON, base64)',
      image: async (input, level) =>
        Buffer.from(
          (
            JSON.parse((await handler({ body: JSON.stringify({ url: input, ecLevel: level }) })).body) as {
              qr_code: string;
            }
          ).qr_code,
          'base64',
        ),
      call: (input, level) => handler(eventFor(input, level)),
      matrix: encodeSymbol,
      init: {
        source: `const { handler } = await import(${JSON.stringify(bundleUrl)});
await handler({ body: JSON.stringify({ url: ${t} }) });`,
        bundle: false,
      },
    },
    {
      key: 'qr',
      label: '`qr` 0.7.0 with this project’s PNG writer (it has none)',
      image: (input, level) => pngOf(qrSymbol(input, level)),
      svg: (input, level) => encodeQR(input, 'svg', { ecc: QR_ECC[level], border: MARGIN }),
      matrix: (input, level) => encodeQR(input, 'raw', { ecc: QR_ECC[level] }),
      init: {
        source: `import encodeQR from 'qr';
${ours(`(() => { const m = encodeQR(${t}, 'raw', { ecc: 'low' }); const size = m.length - 4, words = Math.ceil(size / 32), rows = new Int32Array(size * words);
for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (m[r + 2][c + 2]) rows[r * words + (c >>> 5)] |= 1 << (c & 31);
return { version: (size - 17) / 4, size, ecLevel: 'L', mask: 0, words, rows, modules: new Uint8Array(0), segments: [] }; })()`)}`,
        bundle: true,
      },
    },
    {
      key: 'fast_qr',
      label: 'fast_qr 0.9.0 (Rust, WebAssembly) with this project’s PNG writer; its SVG',
      image: (input) => pngOf(fastQrSymbol(input)),
      // qr_svg takes the options: they are freed with the call.
      svg: (input) => fastQrSvg(input, fastQrOptions()),
      matrix: (input) => fastQr(input),
      init: {
        source: `import { readFileSync } from 'node:fs';
import { initSync, qr } from 'fast_qr';
initSync(readFileSync(${JSON.stringify(fastQrWasm)}));
${ours(`(() => { const m = qr(${t}); const size = Math.sqrt(m.length), words = Math.ceil(size / 32), rows = new Int32Array(size * words);
for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (m[r * size + c] === 1) rows[r * words + (c >>> 5)] |= 1 << (c & 31);
return { version: (size - 17) / 4, size, ecLevel: 'Q', mask: 0, words, rows, modules: new Uint8Array(0), segments: [] }; })()`)}`,
        bundle: true,
      },
      fixedLevel: 'Q',
    },
    {
      key: 'lean-qr',
      label: 'lean-qr 2.7.4 (its toPngBuffer)',
      image: (input, level) =>
        Buffer.from(
          toPngBuffer(leanCode(input, level), {
            on: [0, 0, 0, 255],
            off: [255, 255, 255, 255],
            pad: MARGIN,
            scale: SCALE,
          }),
        ),
      svg: (input, level) => toSvgSource(leanCode(input, level), { pad: MARGIN, xmlDeclaration: true }),
      matrix: leanCode,
      init: {
        source: `import { correction, generate } from 'lean-qr';
import { toPngBuffer } from 'lean-qr/extras/node_export';
import { toSvgSource } from 'lean-qr/extras/svg';
toPngBuffer(generate(${t}, { minCorrectionLevel: correction.L, maxCorrectionLevel: correction.L }), { pad: ${MARGIN}, scale: ${SCALE} });`,
        bundle: true,
      },
    },
    {
      key: 'qrcode-generator',
      label: 'qrcode-generator 2.0.4 (GIF: its only image)',
      image: (input, level) =>
        Buffer.from(
          generatorCode(input, level)
            .createDataURL(SCALE, MARGIN * SCALE)
            .split(',')[1] ?? '',
          'base64',
        ),
      svg: (input, level) => generatorCode(input, level).createSvgTag(SCALE, MARGIN * SCALE),
      matrix: generatorCode,
      init: {
        source: `import qrcodeGenerator from 'qrcode-generator';
const code = qrcodeGenerator(0, 'L'); code.addData(${t}, 'Byte'); code.make(); code.createDataURL(${SCALE}, ${MARGIN * SCALE});`,
        bundle: true,
      },
    },
    {
      key: 'node-qrcode',
      label: 'node-qrcode 1.5.4 (toBuffer)',
      image: (input, level) => QRCode.toBuffer(input, { errorCorrectionLevel: level, scale: SCALE, margin: MARGIN }),
      svg: (input, level) => QRCode.toString(input, { type: 'svg', errorCorrectionLevel: level, margin: MARGIN }),
      matrix: (input, level) => QRCode.create(input, { errorCorrectionLevel: level }),
      init: {
        source: `import QRCode from 'qrcode';
await QRCode.toBuffer(${t}, { errorCorrectionLevel: 'L', scale: ${SCALE}, margin: ${MARGIN} });`,
        bundle: true,
      },
    },
  ];
}

/** What the libqrencode harness prints. */
interface HarnessTimings {
  readonly firstUs: number;
  readonly pngUs: number;
  readonly matrixUs: number;
  readonly bytes: number;
}

/** Runs the harness on `text` at `level` for `ms` milliseconds a case; its first PNG to `out`. */
function qrencode(root: string, dir: string, text: string, level: EcLevel, ms: number, out?: string): HarnessTimings {
  const payload = join(dir, `payload-${text.length}`);
  writeFileSync(payload, text);
  const run = spawnSync(`${root}${QRENCODE_HARNESS}`, [payload, level, String(ms), ...(out ? [out] : [])], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`${QRENCODE_HARNESS}: ${run.stderr || run.error} (make bench-deps builds it)`);
  return JSON.parse(run.stdout) as HarnessTimings;
}

/** The text ZBar reads in an image file. */
function zbarRead(file: string): string {
  const zbar = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', '-Sbinary', file]);
  return zbar.stdout.toString('utf8').replace(/\n$/, '');
}

/** An SVG drawn by rsvg-convert (librsvg), then read by ZBar. */
function zbarReadSvg(dir: string, svg: string): string {
  writeFileSync(join(dir, 'image.svg'), svg);
  const png = join(dir, 'svg.png');
  const drawn = spawnSync('rsvg-convert', [
    '--width',
    '600',
    '--background-color',
    'white',
    '-o',
    png,
    join(dir, 'image.svg'),
  ]);
  if (drawn.status !== 0) throw new Error(`rsvg-convert: ${drawn.stderr.toString()}`);
  return zbarRead(png);
}

/** Every image and SVG of every JS peer, and libqrencode's PNGs, read back; the documented image's bytes. */
async function readBack(
  root: string,
  dir: string,
  peers: readonly JsPeer[],
  text: string,
): Promise<Map<PeerKey, number>> {
  const bytes = new Map<PeerKey, number>();
  const check = (label: string, what: string, read: string, input: string) => {
    if (read !== input) throw new Error(`${label}: its ${what} of ${input.length} characters does not read back`);
  };
  for (const peer of peers)
    for (const [input, level] of [
      [text, 'L'],
      [LARGE, 'M'],
    ] as const) {
      const image = await peer.image(input, level);
      writeFileSync(join(dir, 'image'), image);
      check(peer.label, `image at ${level}`, zbarRead(join(dir, 'image')), input);
      if (peer.svg) check(peer.label, `SVG at ${level}`, zbarReadSvg(dir, await peer.svg(input, level)), input);
      if (input === text) bytes.set(peer.key, image.length);
    }
  for (const [input, level] of [
    [text, 'L'],
    [LARGE, 'M'],
  ] as const) {
    const out = join(dir, `qrencode-${level}.png`);
    const { bytes: size } = qrencode(root, dir, input, level, 0, out);
    check('libqrencode', `PNG at ${level}`, zbarRead(out), input);
    if (input === text) bytes.set('libqrencode', size);
  }
  return bytes;
}

/** ms from the start of a fresh process's import of each peer's first-code module to its end. */
async function bundleInits(dir: string, peers: readonly JsPeer[]): Promise<Map<PeerKey, string>> {
  const entries = new Map<PeerKey, string>();
  for (const peer of peers) {
    const source = join(dir, `${peer.key}.mjs`);
    writeFileSync(source, peer.init.source);
    if (!peer.init.bundle) {
      entries.set(peer.key, source);
      continue;
    }
    const outfile = join(dir, `${peer.key}.bundle.mjs`);
    await build({
      entryPoints: [source],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      minify: true,
      logLevel: 'error',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    entries.set(peer.key, outfile);
  }
  return entries;
}

/** One fresh process importing `file`: ms from before the import to its end. */
function freshImport(file: string): number {
  const script = `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)});
process.stderr.write(String(performance.now() - t0));`;
  // stdout is the function's request log, not read.
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = Number(run.stderr);
  if (run.status !== 0 || !Number.isFinite(ms)) throw new Error(`${file}: ${run.stderr}`);
  return ms;
}

interface Samples {
  readonly documented: number[];
  readonly svg: number[];
  readonly large: number[];
  readonly matrix: number[];
  readonly init: number[];
}

/** The peers in one run, taking turns in a new random order each round. */
export async function measurePeers(root: string, text: string, rounds: number): Promise<PeersResult> {
  const { handler } = (await import(pathToFileURL(`${root}build/lambda/index.mjs`).href)) as {
    handler: (event: unknown) => Promise<{ body: string }>;
  };
  initSync(readFileSync(fastQrWasm));
  const peers = jsPeers(root, text, handler);
  mkdirSync(`${root}build/bench`, { recursive: true });
  // In build/bench, so the init modules' bare imports resolve to this project's node_modules.
  const dir = mkdtempSync(`${root}build/bench/peers-`);
  try {
    const bytes = await withoutRequestLog(() => readBack(root, dir, peers, text));
    const inits = await bundleInits(dir, peers);
    const newSamples = (): Samples => ({ documented: [], svg: [], large: [], matrix: [], init: [] });
    const js = peers.map((peer) => ({ peer, samples: newSamples() }));
    const c = { peer: undefined, samples: newSamples() };
    return await withoutRequestLog(async () => {
      // Each warmed up first, as a busy function is.
      for (const { peer } of js) {
        const call = peer.call ?? peer.image;
        await timeFor(() => call(text, 'L'), 250);
        await timeFor(() => call(LARGE, 'M'), 250);
        await timeFor(() => peer.matrix(text, 'L'), 100);
        if (peer.svg) await timeFor(() => peer.svg?.(text, 'L'), 100);
      }
      for (let round = 0; round < rounds; round++)
        for (const run of shuffled([...js, c])) {
          const { peer, samples } = run;
          if (peer === undefined) {
            const documented = qrencode(root, dir, text, 'L', 40);
            samples.documented.push(documented.pngUs);
            samples.matrix.push(documented.matrixUs);
            samples.large.push(qrencode(root, dir, LARGE, 'M', 40).pngUs / 1000);
            samples.init.push(qrencode(root, dir, text, 'L', 0).firstUs / 1000);
            continue;
          }
          const call = peer.call ?? peer.image;
          samples.documented.push(await timeFor(() => call(text, 'L'), 40));
          if (peer.svg) samples.svg.push(await timeFor(() => peer.svg?.(text, 'L'), 20));
          samples.large.push((await timeFor(() => call(LARGE, 'M'), 40)) / 1000);
          samples.matrix.push(await timeFor(() => peer.matrix(text, 'L'), 20));
          const init = inits.get(peer.key);
          if (init) samples.init.push(freshImport(init));
        }
      const row = (key: PeerKey, label: string, samples: Samples, fixedLevel?: EcLevel): PeerResult => ({
        key,
        label,
        documentedUs: median(samples.documented),
        ...(samples.svg.length > 0 && { svgUs: median(samples.svg) }),
        largeMs: median(samples.large),
        matrixUs: median(samples.matrix),
        initMs: median(samples.init),
        bytes: bytes.get(key) ?? Number.NaN,
        ...(fixedLevel && { fixedLevel }),
      });
      const rows = js.map(({ peer, samples }) => row(peer.key, peer.label, samples, peer.fixedLevel));
      // libqrencode after fast_qr: the other compiled encoder.
      const at = rows.findIndex((r) => r.key === 'fast_qr') + 1;
      rows.splice(
        at,
        0,
        row(
          'libqrencode',
          'libqrencode 4.1.1 (Debian, C) with a zlib PNG writer at these settings; no SVG in the library',
          c.samples,
        ),
      );
      return { rounds, rows };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
