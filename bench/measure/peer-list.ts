// The JavaScript encoders measured beside this function, each as its documented call makes an
// image, its SVG where it has one, its matrix alone, and the module a fresh process imports to
// make its first code. bench/measure/peers.ts times them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
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

const BLACK = { r: 0, g: 0, b: 0, a: 255 };
const WHITE = { r: 255, g: 255, b: 255, a: 255 };

export type PeerKey =
  | 'image-path'
  | 'handler'
  | 'qr'
  | 'fast_qr'
  | 'libqrencode'
  | 'lean-qr'
  | 'qrcode-generator'
  | 'node-qrcode';

/** An implementation in this process: its image, its SVG, its matrix, and the module a fresh process imports. */
export interface JsPeer {
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

export function jsPeers(root: string, text: string, handler: (event: unknown) => Promise<{ body: string }>): JsPeer[] {
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

/** fast_qr's WebAssembly, instantiated once in this process before its peer is called. */
export function loadFastQr(): void {
  initSync(readFileSync(fastQrWasm));
}
