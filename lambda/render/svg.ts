import type { QrSymbol } from '../qr/symbol.js';
import { toHexRgb, type Rgba } from './color.js';
import type { Layout } from './layout.js';
import { forEachDarkRun } from './runs.js';

/**
 * One `<path>` for the light background and one for the dark modules, each dark run
 * of a row drawn as a single rectangle, in module units scaled by `viewBox`. Only
 * numbers and validated colors reach the markup: the encoded text never does. An
 * exact canvas widens the viewBox around the code, so the code stays centred and the
 * background fills the whole image.
 */
export function encodeSvg(
  matrix: QrSymbol,
  { margin, modulesAcross, width, height, x, y }: Layout,
  dark: Rgba,
  light: Rgba,
): string {
  let runs = '';
  forEachDarkRun(matrix, (row, start, end) => {
    const left = margin + start;
    runs += `M${left} ${margin + row}h${end - start}v1H${left}z`;
  });
  const n = modulesAcross;
  // Pixels per module unit, and where the code's corner sits on the canvas.
  const unit = (x[n]! - x[0]!) / n;
  const box = [-x[0]! / unit, -y[0]! / unit, width / unit, height / unit].map(units);
  const [left, top, across, down] = box;
  const background = light.a === 0 ? '' : `<path${paint(light)} d="M${left} ${top}h${across}v${down}H${left}z"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${box.join(' ')}" ` +
    `shape-rendering="crispEdges">${background}<path${paint(dark)} d="${runs}"/></svg>`
  );
}

/** A module-unit number, at most four decimals: `-0.5`, `37`. */
const units = (value: number): string => String(Number(value.toFixed(4)));

function paint(color: Rgba): string {
  const opacity = color.a === 255 ? '' : ` fill-opacity="${Number((color.a / 255).toFixed(3))}"`;
  return ` fill="${toHexRgb(color)}"${opacity}`;
}
