import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import type { Fields } from '../input/fields.js';
import { BLACK, WHITE, sameColor, type Rgba } from '../render/color.js';
import { colorName, luminanceOnWhite, parseHexColor } from './color.js';

/** `dark` and `light`, each black or white when not given, if scanners can read them. */
export function parseColors(fields: Fields): { dark: Rgba; light: Rgba } {
  return readableColors(parseColor(fields, 'dark') ?? BLACK, parseColor(fields, 'light') ?? WHITE);
}

/**
 * The two colours, if scanners can read them: different, `dark` at most half transparent
 * and the darker, at a contrast of at least 3:1. `names` are the fields the client set them with.
 */
export function readableColors(
  dark: Rgba,
  light: Rgba,
  names = { dark: 'dark', light: 'light' },
): { dark: Rgba; light: Rgba } {
  if (sameColor(dark, light))
    throw badRequest('same_colors', `'${names.dark}' and '${names.light}' must be different colors`, {
      field: names.light,
    });
  if (dark.a < 128) {
    throw badRequest(
      'dark_too_transparent',
      `'${names.dark}' ${colorName(dark)} is more than half transparent: scanners would not see the modules`,
      { field: names.dark },
    );
  }
  // Scanners look for dark modules on a light ground, and need the two told apart: WCAG's
  // 3:1 for graphics, both colors as they show on white.
  const darkLuminance = luminanceOnWhite(dark);
  const lightLuminance = luminanceOnWhite(light);
  const pair = `'${names.dark}' ${colorName(dark)} and '${names.light}' ${colorName(light)}`;
  if (darkLuminance >= lightLuminance) {
    throw badRequest(
      'inverted_colors',
      `${pair}: '${names.dark}' must be the darker color; many scanners cannot read light modules on a dark ground`,
      { field: names.dark },
    );
  }
  const contrast = (lightLuminance + 0.05) / (darkLuminance + 0.05);
  if (contrast < 3) {
    // Rounded down: a refused contrast never reads as the 3.00:1 it falls short of.
    const shown = Math.floor(contrast * 100) / 100;
    throw badRequest('low_contrast', `${pair} have a contrast of ${shown.toFixed(2)}:1; scanners need at least 3:1`, {
      field: names.dark,
      contrast: shown,
      minimum: 3,
    });
  }
  return { dark, light };
}

export function parseColor(fields: Fields, name: string): Rgba | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  const color = typeof value === 'string' ? parseHexColor(value) : undefined;
  if (color === undefined) {
    throw badRequest(
      'invalid_color',
      `'${name}' must be a hex color #RGB, #RGBA, #RRGGBB or #RRGGBBAA, not ${describe(value)}`,
      { field: name },
    );
  }
  return color;
}
