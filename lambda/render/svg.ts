import type { QrSymbol } from '../qr/symbol.js';
import { toHexRgb, type Rgba } from './color.js';
import type { Layout } from './layout.js';
import { forEachDarkRun } from './runs.js';

/**
 * One `<path>` for the light background and one for the dark modules, each dark run
 * of a row drawn as a single rectangle, in module units scaled by `viewBox`. Only
 * numbers and validated colors reach the markup: the encoded text never does.
 */
export function encodeSvg(matrix: QrSymbol, { margin, modulesAcross, pixels }: Layout, dark: Rgba, light: Rgba): string {
  let runs = '';
  forEachDarkRun(matrix, (row, start, end) => {
    const x = margin + start;
    runs += `M${x} ${margin + row}h${end - start}v1H${x}z`;
  });
  const n = modulesAcross;
  const background = light.a === 0 ? '' : `<path${paint(light)} d="M0 0h${n}v${n}H0z"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" viewBox="0 0 ${n} ${n}" ` +
    `shape-rendering="crispEdges">${background}<path${paint(dark)} d="${runs}"/></svg>`
  );
}

function paint(color: Rgba): string {
  const opacity = color.a === 255 ? '' : ` fill-opacity="${Number((color.a / 255).toFixed(3))}"`;
  return ` fill="${toHexRgb(color)}"${opacity}`;
}
