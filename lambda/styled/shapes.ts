// Path data for one module and for the finder patterns, in module units. Every module shape
// stays inside its own cell and covers its centre, so a styled module reads at its centre as
// a square one does; the finder patterns are found by their proportions, not sampled.
import type { CornerDotStyle, CornerSquareStyle, DotStyle } from './options.js';

/** A number for path data: at most four decimals. */
const n = (value: number): string => String(Number(value.toFixed(4)));

/** Which of a module's four neighbours are dark. */
export interface Neighbours {
  readonly top: boolean;
  readonly right: boolean;
  readonly bottom: boolean;
  readonly left: boolean;
}

/** A w × h box at (x, y) with corner radii top-left, top-right, bottom-right, bottom-left; drawn clockwise. */
function roundedBox(x: number, y: number, w: number, h: number, [tl, tr, br, bl]: readonly number[]): string {
  const arc = (r: number, dx: number, dy: number) => (r > 0 ? `a${n(r)} ${n(r)} 0 0 1 ${n(dx)} ${n(dy)}` : '');
  return (
    `M${n(x + tl!)} ${n(y)}h${n(w - tl! - tr!)}${arc(tr!, tr!, tr!)}v${n(h - tr! - br!)}${arc(br!, -br!, br!)}` +
    `h${n(-(w - br! - bl!))}${arc(bl!, -bl!, -bl!)}v${n(-(h - bl! - tl!))}${arc(tl!, tl!, -tl!)}z`
  );
}

/** The same box drawn anticlockwise: a hole in the shape around it (non-zero fill). */
function hole(x: number, y: number, w: number, h: number, r: number): string {
  const arc = (dx: number, dy: number) => (r > 0 ? `a${n(r)} ${n(r)} 0 0 0 ${n(dx)} ${n(dy)}` : '');
  return (
    `M${n(x + r)} ${n(y)}${arc(-r, r)}v${n(h - 2 * r)}${arc(r, r)}h${n(w - 2 * r)}${arc(r, -r)}` +
    `v${n(-(h - 2 * r))}${arc(-r, -r)}z`
  );
}

const circle = (cx: number, cy: number, r: number, clockwise = true): string => {
  const sweep = clockwise ? 1 : 0;
  return `M${n(cx - r)} ${n(cy)}a${n(r)} ${n(r)} 0 1 ${sweep} ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 ${sweep} ${n(-2 * r)} 0z`;
};

/** One dark module at (x, y). Rounded styles round only the corners that no dark neighbour touches. */
export function modulePath(style: DotStyle, x: number, y: number, { top, right, bottom, left }: Neighbours): string {
  if (style === 'square') return `M${x} ${y}h1v1h-1z`;
  if (style === 'dots') return circle(x + 0.5, y + 0.5, 0.5);
  // Top-left, top-right, bottom-right, bottom-left: a corner no dark neighbour touches.
  const exposed = [!top && !left, !top && !right, !bottom && !right, !bottom && !left];
  const radii = {
    rounded: exposed.map((free) => (free ? 0.5 : 0)),
    'extra-rounded': exposed.map((free) => (free ? 0.5 : 0.25)),
    classy: exposed.map((free, corner) => (free && corner % 2 === 0 ? 0.5 : 0)),
    'classy-rounded': exposed.map((free, corner) => (free ? (corner % 2 === 0 ? 0.5 : 0.2) : 0)),
  }[style];
  return roundedBox(x, y, 1, 1, radii);
}

/** The 7 × 7 ring of a finder pattern at (x, y). */
export function finderRingPath(style: CornerSquareStyle, x: number, y: number): string {
  if (style === 'dot') return circle(x + 3.5, y + 3.5, 3.5) + circle(x + 3.5, y + 3.5, 2.5, false);
  if (style === 'extra-rounded') return roundedBox(x, y, 7, 7, [2, 2, 2, 2]) + hole(x + 1, y + 1, 5, 5, 1.2);
  return `M${x} ${y}h7v7h-7z${hole(x + 1, y + 1, 5, 5, 0)}`;
}

/** The 3 × 3 centre of a finder pattern whose ring is at (x, y). */
export function finderDotPath(style: CornerDotStyle, x: number, y: number): string {
  return style === 'dot' ? circle(x + 3.5, y + 3.5, 1.5) : `M${x + 2} ${y + 2}h3v3h-3z`;
}
