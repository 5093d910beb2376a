// Glyph outlines from the `glyf` table: quadratic contours in font units (y up), simple
// glyphs and composites (an accented letter is its letter and its accent, placed), turned
// into moves, lines and quadratic curves as HarfBuzz draws them.
import type { Table } from './sfnt.js';

export type PathCommand =
  | { readonly type: 'M' | 'L'; readonly x: number; readonly y: number }
  | { readonly type: 'Q'; readonly x1: number; readonly y1: number; readonly x: number; readonly y: number }
  | { readonly type: 'Z' };

interface Point {
  readonly x: number;
  readonly y: number;
  readonly onCurve: boolean;
}

const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;

const ARGS_ARE_WORDS = 0x0001;
const ARGS_ARE_XY_VALUES = 0x0002;
const HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAVE_X_AND_Y_SCALE = 0x0040;
const HAVE_TWO_BY_TWO = 0x0080;
const SCALED_COMPONENT_OFFSET = 0x0800;

/** Where each glyph's data starts in `glyf`: numGlyphs + 1 offsets (`loca`, short or long as `head` says). */
export function glyphOffsets(loca: Table, longOffsets: boolean, glyphCount: number): Uint32Array {
  const offsets = new Uint32Array(glyphCount + 1);
  for (let i = 0; i <= glyphCount; i++) offsets[i] = longOffsets ? loca.u32(i * 4) : loca.u16(i * 2) * 2;
  return offsets;
}

/** A glyph's contours, each a closed list of points, composites resolved. */
export function glyphContours(glyf: Table, offsets: Uint32Array, glyph: number, depth = 0): Point[][] {
  if (depth > 8) throw new Error(`glyph ${glyph}: composites nested too deep`);
  const start = offsets[glyph]!;
  if (start === offsets[glyph + 1]) return [];
  const contourCount = glyf.i16(start);
  return contourCount >= 0 ? simpleGlyph(glyf, start, contourCount) : compositeGlyph(glyf, offsets, start, depth);
}

function simpleGlyph(glyf: Table, start: number, contourCount: number): Point[][] {
  const ends: number[] = [];
  for (let i = 0; i < contourCount; i++) ends.push(glyf.u16(start + 10 + i * 2));
  const pointCount = contourCount === 0 ? 0 : ends[contourCount - 1]! + 1;
  let at = start + 10 + contourCount * 2;
  at += 2 + glyf.u16(at); // the hinting instructions, not used
  const flags: number[] = [];
  while (flags.length < pointCount) {
    const flag = glyf.u8(at++);
    flags.push(flag);
    if (flag & REPEAT) for (let n = glyf.u8(at++); n > 0; n--) flags.push(flag);
  }
  const coordinates = (short: number, sameOrPositive: number): number[] => {
    const values: number[] = [];
    let value = 0;
    for (const flag of flags) {
      if (flag & short) value += flag & sameOrPositive ? glyf.u8(at++) : -glyf.u8(at++);
      else if (!(flag & sameOrPositive)) {
        value += glyf.i16(at);
        at += 2;
      }
      values.push(value);
    }
    return values;
  };
  const xs = coordinates(X_SHORT, X_SAME_OR_POSITIVE);
  const ys = coordinates(Y_SHORT, Y_SAME_OR_POSITIVE);
  const contours: Point[][] = [];
  let first = 0;
  for (const end of ends) {
    const contour: Point[] = [];
    for (let i = first; i <= end; i++) contour.push({ x: xs[i]!, y: ys[i]!, onCurve: (flags[i]! & ON_CURVE) !== 0 });
    contours.push(contour);
    first = end + 1;
  }
  return contours;
}

function compositeGlyph(glyf: Table, offsets: Uint32Array, start: number, depth: number): Point[][] {
  const contours: Point[][] = [];
  let at = start + 10;
  let flags: number;
  do {
    flags = glyf.u16(at);
    const part = glyf.u16(at + 2);
    at += 4;
    if (!(flags & ARGS_ARE_XY_VALUES)) throw new Error('composite glyphs placed by matching points are not read');
    let dx: number;
    let dy: number;
    if (flags & ARGS_ARE_WORDS) {
      [dx, dy] = [glyf.i16(at), glyf.i16(at + 2)];
      at += 4;
    } else {
      [dx, dy] = [glyf.i8(at), glyf.i8(at + 1)];
      at += 2;
    }
    let [a, b, c, d] = [1, 0, 0, 1];
    if (flags & HAVE_A_SCALE) {
      a = d = glyf.f2dot14(at);
      at += 2;
    } else if (flags & HAVE_X_AND_Y_SCALE) {
      [a, d] = [glyf.f2dot14(at), glyf.f2dot14(at + 2)];
      at += 4;
    } else if (flags & HAVE_TWO_BY_TWO) {
      [a, b, c, d] = [glyf.f2dot14(at), glyf.f2dot14(at + 2), glyf.f2dot14(at + 4), glyf.f2dot14(at + 6)];
      at += 8;
    }
    if (flags & SCALED_COMPONENT_OFFSET) [dx, dy] = [a * dx + c * dy, b * dx + d * dy];
    for (const contour of glyphContours(glyf, offsets, part, depth + 1)) {
      contours.push(contour.map(({ x, y, onCurve }) => ({ x: a * x + c * y + dx, y: b * x + d * y + dy, onCurve })));
    }
  } while (flags & MORE_COMPONENTS);
  return contours;
}

/**
 * Contours as path commands, point by point as HarfBuzz's glyf path builder draws them:
 * two off-curve points in a row imply the on-curve point midway; each contour closes
 * with a line back to its start where it does not end there.
 */
export function contoursToPath(contours: readonly (readonly Point[])[]): PathCommand[] {
  const path: PathCommand[] = [];
  const mid = (p: Point, q: Point): Point => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, onCurve: true });
  for (const contour of contours) {
    let firstOn: Point | undefined;
    let firstOff: Point | undefined;
    let lastOff: Point | undefined;
    let current: Point | undefined;
    let begun: Point | undefined;
    const to = (command: PathCommand, end: Point): void => {
      if (begun === undefined) {
        path.push({ type: 'M', x: current!.x, y: current!.y });
        begun = current;
      }
      path.push(command);
      current = end;
    };
    const moveTo = (p: Point): void => {
      current = p;
    };
    const lineTo = (p: Point): void => to({ type: 'L', x: p.x, y: p.y }, p);
    const quadTo = (c: Point, p: Point): void => to({ type: 'Q', x1: c.x, y1: c.y, x: p.x, y: p.y }, p);
    for (const p of contour) {
      if (firstOn === undefined) {
        if (p.onCurve) {
          firstOn = p;
          moveTo(p);
        } else if (firstOff !== undefined) {
          firstOn = mid(firstOff, p);
          lastOff = p;
          moveTo(firstOn);
        } else firstOff = p;
      } else if (lastOff !== undefined) {
        if (p.onCurve) {
          quadTo(lastOff, p);
          lastOff = undefined;
        } else {
          quadTo(lastOff, mid(lastOff, p));
          lastOff = p;
        }
      } else if (p.onCurve) lineTo(p);
      else lastOff = p;
    }
    if (firstOff !== undefined && lastOff !== undefined) {
      quadTo(lastOff, mid(lastOff, firstOff));
      lastOff = undefined;
    }
    if (firstOff !== undefined && firstOn !== undefined) quadTo(firstOff, firstOn);
    else if (lastOff !== undefined && firstOn !== undefined) quadTo(lastOff, firstOn);
    else if (firstOn !== undefined) lineTo(firstOn);
    else if (firstOff !== undefined) {
      moveTo(firstOff);
      quadTo(firstOff, firstOff);
    }
    if (begun !== undefined) {
      if (current!.x !== begun.x || current!.y !== begun.y) path.push({ type: 'L', x: begun.x, y: begun.y });
      path.push({ type: 'Z' });
    }
  }
  return path;
}
