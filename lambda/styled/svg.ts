// A styled code as SVG: the background, the modules in their style, the three finder
// patterns in theirs, a gradient, the logo embedded as a data: URI, and the caption as a
// path (its letters' outlines: no font, no <text>). Only numbers, validated colours and the
// logo's own base64 reach the markup: the encoded text never does.
import type { QrSymbol } from '../qr/symbol.js';
import { toHexRgb, type Rgba } from '../render/color.js';
import type { Layout } from '../render/layout.js';
import type { Style } from './options.js';
import type { DrawnCaption } from './place.js';
import { finderDotPath, finderRingPath, modulePath } from './shapes.js';

/** Where the logo goes and what it clears, in modules from the symbol's corner. */
export interface LogoBox {
  /** The logo's square. */
  readonly x: number;
  readonly size: number;
  /** The modules left light around and under it: columns and rows from `first` to `last`. */
  readonly first: number;
  readonly last: number;
}

/** The logo centred, `share` of the symbol wide, and the modules it and its margin touch. */
export function logoBox(symbolSize: number, share: number, margin: number): LogoBox {
  const size = symbolSize * share;
  const x = (symbolSize - size) / 2;
  return { x, size, first: Math.floor(x - margin), last: Math.ceil(x + size + margin) - 1 };
}

/** Whether the logo and its margin clear the module at (row, col): it is left light. */
export const clearedBy = ({ first, last }: LogoBox, row: number, col: number): boolean =>
  row >= first && row <= last && col >= first && col <= last;

/** Whether (row, col) lies in one of the three finder patterns (7 × 7, separators excluded). */
export const inFinder = (size: number, row: number, col: number): boolean =>
  (row < 7 && col < 7) || (row < 7 && col >= size - 7) || (row >= size - 7 && col < 7);

const n = (value: number): string => String(Number(value.toFixed(4)));

function paint(color: Rgba): string {
  return ` fill="${toHexRgb(color)}"${color.a === 255 ? '' : ` fill-opacity="${n(color.a / 255)}"`}`;
}

export function styledSvg(
  symbol: QrSymbol,
  { margin, modulesAcross, width, height, x, y }: Layout,
  style: Style,
  colors: { dark: Rgba; light: Rgba },
  logo: LogoBox | undefined,
  caption?: DrawnCaption,
): string {
  const { size, modules } = symbol;
  const dark = (row: number, col: number): boolean =>
    row >= 0 && col >= 0 && row < size && col < size && modules[row * size + col] === 1 && !cleared(row, col);
  const cleared = (row: number, col: number): boolean => logo !== undefined && clearedBy(logo, row, col);
  let body = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!dark(row, col) || inFinder(size, row, col)) continue;
      body += modulePath(style.dotStyle, margin + col, margin + row, {
        top: dark(row - 1, col),
        right: dark(row, col + 1),
        bottom: dark(row + 1, col),
        left: dark(row, col - 1),
      });
    }
  }
  let rings = '';
  let dots = '';
  for (const [row, col] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ] as const) {
    rings += finderRingPath(style.cornerSquareStyle, margin + col, margin + row);
    dots += finderDotPath(style.cornerDotStyle, margin + col, margin + row);
  }
  // The modules' paint: one colour, or a gradient across the symbol.
  let defs = '';
  let fill = paint(colors.dark);
  if (style.gradient) {
    const { type, to, rotation } = style.gradient;
    const centre = margin + size / 2;
    const stops =
      `<stop offset="0" stop-color="${toHexRgb(colors.dark)}" stop-opacity="${n(colors.dark.a / 255)}"/>` +
      `<stop offset="1" stop-color="${toHexRgb(to)}" stop-opacity="${n(to.a / 255)}"/>`;
    if (type === 'radial') {
      defs = `<radialGradient id="g" gradientUnits="userSpaceOnUse" cx="${n(centre)}" cy="${n(centre)}" r="${n((size / 2) * Math.SQRT2)}">${stops}</radialGradient>`;
    } else {
      const angle = (rotation * Math.PI) / 180;
      const [dx, dy] = [(Math.cos(angle) * size) / 2, (Math.sin(angle) * size) / 2];
      defs = `<linearGradient id="g" gradientUnits="userSpaceOnUse" x1="${n(centre - dx)}" y1="${n(centre - dy)}" x2="${n(centre + dx)}" y2="${n(centre + dy)}">${stops}</linearGradient>`;
    }
    fill = ' fill="url(#g)"';
  }
  const ringFill = style.cornerSquareColor ? paint(style.cornerSquareColor) : fill;
  const dotFill = style.cornerDotColor ? paint(style.cornerDotColor) : fill;
  const unit = (x[modulesAcross]! - x[0]!) / modulesAcross;
  const box = [-x[0]! / unit, -y[0]! / unit, width / unit, height / unit].map(n);
  const [left, top, across, down] = box;
  const background =
    colors.light.a === 0 ? '' : `<path${paint(colors.light)} d="M${left} ${top}h${across}v${down}H${left}z"/>`;
  const image =
    logo && style.logo
      ? `<image x="${n(margin + logo.x)}" y="${n(margin + logo.x)}" width="${n(logo.size)}" height="${n(logo.size)}" ` +
        `preserveAspectRatio="xMidYMid meet" href="data:${style.logo.mime};base64,${style.logo.base64}"/>`
      : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${box.join(' ')}">` +
    `${defs ? `<defs>${defs}</defs>` : ''}${background}<path${fill} d="${body}"/>` +
    `<path${ringFill} d="${rings}"/><path${dotFill} d="${dots}"/>${image}` +
    `${caption ? `<path${paint(caption.color)} d="${caption.d}"/>` : ''}</svg>`
  );
}
