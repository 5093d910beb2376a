// The fastest JavaScript QR encoders beside this function, in one process, taking turns:
// each implementation's documented call to an image, the same on a 1,000-byte payload at M,
// and the matrix alone for both. Every image is read back by ZBar before it is timed, so nothing
// is measured that does not scan.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { correction, generate } from 'lean-qr';
import { toPngBuffer } from 'lean-qr/extras/node_export';
import encodeQR from 'qr';
import qrcodeGenerator from 'qrcode-generator';
import QRCode from 'qrcode';
import type { EcLevel } from '../lambda/qr/ec-level.js';
import { encodeSymbol, type QrSymbol } from '../lambda/qr/symbol.js';
import { layout } from '../lambda/render/layout.js';
import { encodePng } from '../lambda/render/png.js';
import { median } from './median.js';

const BLACK = { r: 0, g: 0, b: 0, a: 255 };
const WHITE = { r: 255, g: 255, b: 255, a: 255 };
const SCALE = 10;
const MARGIN = 4;

/** One implementation: its image for a text at a level (PNG or GIF bytes), and its matrix alone. */
interface Peer {
  readonly label: string;
  readonly image: (text: string, level: EcLevel) => Buffer | Promise<Buffer>;
  readonly matrix: (text: string, level: EcLevel) => unknown;
}

/** qr's matrix (a border of 2 around it) as the row lines this project's PNG writer reads. */
function symbolOf(matrix: boolean[][], level: EcLevel): QrSymbol {
  const size = matrix.length - 4;
  const words = Math.ceil(size / 32);
  const rows = new Int32Array(size * words);
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++)
      if (matrix[row + 2]![col + 2]) rows[row * words + (col >>> 5)]! |= 1 << (col & 31);
  return { version: (size - 17) / 4, size, ecLevel: level, mask: 0, words, rows } as unknown as QrSymbol;
}

const QR_ECC = { L: 'low', M: 'medium', Q: 'quartile', H: 'high' } as const;
const LEAN_ECC = { L: correction.L, M: correction.M, Q: correction.Q, H: correction.H } as const;

function peers(handler: (event: unknown) => Promise<{ body: string }>): Peer[] {
  const ours = (text: string, level: EcLevel) => {
    const symbol = encodeSymbol(text, level);
    return encodePng(symbol, layout(symbol.size, MARGIN, undefined), BLACK, WHITE);
  };
  return [
    { label: 'qr-lambda, image path (encodeSymbol, layout, encodePng)', image: ours, matrix: encodeSymbol },
    {
      label: 'qr-lambda, the whole handler call (JSON, base64)',
      image: async (text, level) =>
        Buffer.from(
          JSON.parse((await handler({ body: JSON.stringify({ url: text, ecLevel: level }) })).body).qr_code,
          'base64',
        ),
      matrix: encodeSymbol,
    },
    {
      label: '`qr` 0.7.0 with this project’s PNG writer (it has none)',
      image: (text, level) => {
        const symbol = symbolOf(encodeQR(text, 'raw', { ecc: QR_ECC[level] }), level);
        return encodePng(symbol, layout(symbol.size, MARGIN, undefined), BLACK, WHITE);
      },
      matrix: (text, level) => encodeQR(text, 'raw', { ecc: QR_ECC[level] }),
    },
    {
      label: 'lean-qr 2.7.4 (its toPngBuffer)',
      image: (text, level) =>
        Buffer.from(
          toPngBuffer(generate(text, { minCorrectionLevel: LEAN_ECC[level], maxCorrectionLevel: LEAN_ECC[level] }), {
            on: [0, 0, 0, 255],
            off: [255, 255, 255, 255],
            pad: MARGIN,
            scale: SCALE,
          }),
        ),
      matrix: (text, level) =>
        generate(text, { minCorrectionLevel: LEAN_ECC[level], maxCorrectionLevel: LEAN_ECC[level] }),
    },
    {
      label: 'qrcode-generator 2.0.4 (GIF: its only image)',
      image: (text, level) => {
        const code = qrcodeGenerator(0, level);
        code.addData(unescape(encodeURIComponent(text)), 'Byte');
        code.make();
        return Buffer.from(code.createDataURL(SCALE, MARGIN * SCALE).split(',')[1]!, 'base64');
      },
      matrix: (text, level) => {
        const code = qrcodeGenerator(0, level);
        code.addData(unescape(encodeURIComponent(text)), 'Byte');
        code.make();
        return code;
      },
    },
    {
      label: 'node-qrcode 1.5.4 (toBuffer)',
      image: (text, level) => QRCode.toBuffer(text, { errorCorrectionLevel: level, scale: SCALE, margin: MARGIN }),
      matrix: (text, level) => QRCode.create(text, { errorCorrectionLevel: level }),
    },
  ];
}

export interface PeerRow {
  readonly label: string;
  /** Median µs a call: the documented request's image. */
  readonly documented: number;
  /** Median ms a call: a 1,000-byte text at M. */
  readonly large: number;
  /** Median µs a call: the matrix alone, documented request. */
  readonly matrix: number;
  /** Median µs a call: the matrix alone, a 1,000-byte text at M. */
  readonly largeMatrix: number;
  readonly bytes: number;
}

/** Calls `run` for about `ms` milliseconds; the mean µs a call. */
async function timeFor(run: () => unknown, ms: number): Promise<number> {
  let calls = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    await run();
    calls++;
    elapsed = performance.now() - t0;
  } while (elapsed < ms);
  return (elapsed * 1000) / calls;
}

/** The order of `items`, shuffled (Fisher–Yates). */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export async function measurePeers(root: string, text: string, rounds: number): Promise<PeerRow[]> {
  const { handler } = (await import(pathToFileURL(`${root}build/lambda/index.mjs`).href)) as {
    handler: (event: unknown) => Promise<{ body: string }>;
  };
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write; // the handler's request log
  try {
    const large = 'https://example.com/?'.padEnd(1000, 'abcdefghij');
    const all = peers(handler);
    // Nothing is timed that does not read back.
    const bytes = new Map<Peer, number>();
    const dir = mkdtempSync(join(tmpdir(), 'bench-peers-'));
    try {
      for (const peer of all) {
        for (const [input, level] of [
          [text, 'L'],
          [large, 'M'],
        ] as const) {
          const image = await peer.image(input, level);
          writeFileSync(join(dir, 'image'), image);
          const zbar = spawnSync('zbarimg', [
            '--raw',
            '-q',
            '-Sdisable',
            '-Sqrcode.enable',
            '-Sbinary',
            join(dir, 'image'),
          ]);
          if (zbar.stdout.toString('utf8').replace(/\n$/, '') !== input)
            throw new Error(`${peer.label}: its image of ${input.length} characters at ${level} does not read back`);
          if (input === text) bytes.set(peer, image.length);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Each warmed up first, as a busy function is.
    for (const peer of all) {
      await timeFor(() => peer.image(text, 'L'), 250);
      await timeFor(() => peer.image(large, 'M'), 250);
      await timeFor(() => peer.matrix(text, 'L'), 100);
      await timeFor(() => peer.matrix(large, 'M'), 100);
    }
    const samples = new Map(
      all.map((peer) => [
        peer,
        { documented: [] as number[], large: [] as number[], matrix: [] as number[], largeMatrix: [] as number[] },
      ]),
    );
    for (let round = 0; round < rounds; round++) {
      for (const peer of shuffled(all)) {
        const sample = samples.get(peer)!;
        sample.documented.push(await timeFor(() => peer.image(text, 'L'), 40));
        sample.large.push((await timeFor(() => peer.image(large, 'M'), 40)) / 1000);
        sample.matrix.push(await timeFor(() => peer.matrix(text, 'L'), 20));
        sample.largeMatrix.push(await timeFor(() => peer.matrix(large, 'M'), 20));
      }
    }
    return all.map((peer) => {
      const sample = samples.get(peer)!;
      return {
        label: peer.label,
        documented: median(sample.documented),
        large: median(sample.large),
        matrix: median(sample.matrix),
        largeMatrix: median(sample.largeMatrix),
        bytes: bytes.get(peer)!,
      };
    });
  } finally {
    process.stdout.write = write;
  }
}

/** The section BENCHMARKS.md shows, with each row as a multiple of this project's image path. */
export function peersMarkdown(rows: readonly PeerRow[], rounds: number): string {
  const [ours] = rows;
  const f = (value: number, digits: number) => value.toFixed(digits);
  return `## Beside the fastest JavaScript encoders

The documented request (level L, ${SCALE} px a module, a ${MARGIN}-module border) as each library's own call makes an
image, a 1,000-byte text at level M the same way, and the matrix alone for each; in one process, taking turns in a
new random order each of ${rounds} rounds, medians. Every image is read back by ZBar first. Lower is faster; × is against this
project's image path.

| implementation | documented call (µs) | × | 1,000 B at M (ms) | × | matrix alone (µs) | × | matrix, 1,000 B at M (µs) | × | image (bytes) |
|---|---|---|---|---|---|---|---|---|---|
${rows
  .map(
    (row) =>
      `| ${row.label} | ${f(row.documented, 1)} | ${f(row.documented / ours!.documented, 2)} | ${f(row.large, 2)} | ${f(row.large / ours!.large, 2)} | ${f(row.matrix, 1)} | ${f(row.matrix / ours!.matrix, 2)} | ${f(row.largeMatrix, 0)} | ${f(row.largeMatrix / ours!.largeMatrix, 2)} | ${row.bytes} |`,
  )
  .join('\n')}
`;
}
