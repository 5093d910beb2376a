import type { RgbaImage } from './png-decode.js';

export interface ParsedSvg {
  readonly width: number;
  readonly height: number;
  /** viewBox width: modules across, quiet zone included (more where a canvas is wider than the code). */
  readonly units: number;
  /** The viewBox: module units, the code's corner at 0 0. */
  readonly viewBox: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly paths: readonly { readonly fill: string; readonly opacity: number; readonly rects: readonly Rect[] }[];
}

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * Reads the renderer's SVG strictly: one root element, attributes it expects, and
 * paths made only of `Mx yhWvHH x z`-style rectangles. Anything else throws, so a test
 * notices when markup it does not know about appears.
 */
export function parseSvg(svg: string): ParsedSvg {
  const root =
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)" viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)" shape-rendering="crispEdges">(.*)<\/svg>$/s.exec(
      svg,
    );
  if (!root) throw new Error(`unexpected SVG root: ${svg.slice(0, 120)}`);
  const [, width, height, x, y, units, unitsY, body = ''] = root;
  if (x === '0' && y === '0' && units !== unitsY) throw new Error('viewBox of the code alone is not square');
  const paths = [];
  const pathPattern = /<path fill="(#[0-9a-f]{6})"(?: fill-opacity="([\d.]+)")? d="([^"]*)"\/>/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pathPattern.exec(body)) !== null) {
    paths.push({
      fill: match[1]!,
      opacity: match[2] === undefined ? 1 : Number(match[2]),
      rects: parsePathData(match[3]!),
    });
    consumed = pathPattern.lastIndex;
  }
  if (consumed !== body.length) throw new Error(`unexpected SVG content: ${body.slice(consumed, consumed + 80)}`);
  const viewBox = { x: Number(x), y: Number(y), w: Number(units), h: Number(unitsY) };
  return { width: Number(width), height: Number(height), units: Number(units), viewBox, paths };
}

function parsePathData(d: string): Rect[] {
  const rects: Rect[] = [];
  const rectPattern = /M(-?[\d.]+) (-?[\d.]+)h([\d.]+)v([\d.]+)H(-?[\d.]+)z/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = rectPattern.exec(d)) !== null) {
    const [x, y, w, h, back] = match.slice(1).map(Number) as [number, number, number, number, number];
    if (back !== x) throw new Error(`path does not close back to x=${x}`);
    rects.push({ x, y, w, h });
    consumed = rectPattern.lastIndex;
  }
  if (consumed !== d.length) throw new Error(`unexpected path data: ${d.slice(consumed, consumed + 40)}`);
  return rects;
}

/** Paints the parsed paths in order at `pixelsPerUnit`, the whole viewBox, opaque colors only (opacity is checked elsewhere). */
export function rasterizeSvg(svg: ParsedSvg, pixelsPerUnit: number): RgbaImage {
  const { x: left, y: top, w, h } = svg.viewBox;
  const width = Math.round(w * pixelsPerUnit);
  const height = Math.round(h * pixelsPerUnit);
  const at = (units: number, origin: number): number => Math.round((units - origin) * pixelsPerUnit);
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const path of svg.paths) {
    const color = [1, 3, 5].map((i) => parseInt(path.fill.slice(i, i + 2), 16));
    for (const { x, y, w: across, h: down } of path.rects) {
      for (let py = Math.max(0, at(y, top)); py < Math.min(height, at(y + down, top)); py++) {
        for (let px = Math.max(0, at(x, left)); px < Math.min(width, at(x + across, left)); px++) {
          rgba.set([...color, 255], (py * width + px) * 4);
        }
      }
    }
  }
  return { width, height, rgba };
}
