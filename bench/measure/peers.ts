// The fastest QR encoders beside this function, taking turns: each implementation's documented
// call to an image, its SVG where it has one, a 1,000-byte payload at M, the matrix alone, and
// init (import, or for libqrencode the program's start, to the first code in a fresh process).
// The JavaScript peers run in this process; Debian's libqrencode runs in its C harness
// (bench/peers/qrencode.c), which times itself. Every image is read back by ZBar before it is
// timed (an SVG once drawn by rsvg-convert), so nothing is measured that does not scan.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { EcLevel } from '../../lambda/qr/ec-level.js';
import { withoutRequestLog } from '../quiet.js';
import { median, shuffled, timeFor } from '../stats.js';
import { type JsPeer, jsPeers, loadFastQr, type PeerKey } from './peer-list.js';

export type { PeerKey } from './peer-list.js';
/** A 1,000-byte text, at level M. */
export const LARGE = 'https://example.com/?'.padEnd(1000, 'abcdefghij');
/** Where `make bench-deps` builds the libqrencode harness. */
export const QRENCODE_HARNESS = 'build/bench/qrencode';

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
  /** Median µs a call: the matrix alone, the 1,000-byte text at M. */
  readonly largeMatrixUs: number;
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
  readonly largeMatrix: number[];
  readonly init: number[];
}

/** The peers in one run, taking turns in a new random order each round. */
export async function measurePeers(root: string, text: string, rounds: number): Promise<PeersResult> {
  const { handler } = (await import(pathToFileURL(`${root}build/lambda/index.mjs`).href)) as {
    handler: (event: unknown) => Promise<{ body: string }>;
  };
  loadFastQr();
  const peers = jsPeers(root, text, handler);
  mkdirSync(`${root}build/bench`, { recursive: true });
  // In build/bench, so the init modules' bare imports resolve to this project's node_modules.
  const dir = mkdtempSync(`${root}build/bench/peers-`);
  try {
    const bytes = await withoutRequestLog(() => readBack(root, dir, peers, text));
    const inits = await bundleInits(dir, peers);
    const newSamples = (): Samples => ({ documented: [], svg: [], large: [], matrix: [], largeMatrix: [], init: [] });
    const js = peers.map((peer) => ({ peer, samples: newSamples() }));
    const c = { peer: undefined, samples: newSamples() };
    return await withoutRequestLog(async () => {
      // Each warmed up first, as a busy function is.
      for (const { peer } of js) {
        const call = peer.call ?? peer.image;
        await timeFor(() => call(text, 'L'), 250);
        await timeFor(() => call(LARGE, 'M'), 250);
        await timeFor(() => peer.matrix(text, 'L'), 100);
        await timeFor(() => peer.matrix(LARGE, 'M'), 100);
        if (peer.svg) await timeFor(() => peer.svg?.(text, 'L'), 100);
      }
      for (let round = 0; round < rounds; round++)
        for (const run of shuffled([...js, c])) {
          const { peer, samples } = run;
          if (peer === undefined) {
            const documented = qrencode(root, dir, text, 'L', 40);
            samples.documented.push(documented.pngUs);
            samples.matrix.push(documented.matrixUs);
            const large = qrencode(root, dir, LARGE, 'M', 40);
            samples.large.push(large.pngUs / 1000);
            samples.largeMatrix.push(large.matrixUs);
            samples.init.push(qrencode(root, dir, text, 'L', 0).firstUs / 1000);
            continue;
          }
          const call = peer.call ?? peer.image;
          samples.documented.push(await timeFor(() => call(text, 'L'), 40));
          if (peer.svg) samples.svg.push(await timeFor(() => peer.svg?.(text, 'L'), 20));
          samples.large.push((await timeFor(() => call(LARGE, 'M'), 40)) / 1000);
          samples.matrix.push(await timeFor(() => peer.matrix(text, 'L'), 20));
          samples.largeMatrix.push(await timeFor(() => peer.matrix(LARGE, 'M'), 20));
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
        largeMatrixUs: median(samples.largeMatrix),
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
