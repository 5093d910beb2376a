import { toHexRgb, type Rgba } from '../render/color.js';

const HEX_COLOR = /^#?(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/**
 * Parses `#RGB`, `#RGBA`, `#RRGGBB` or `#RRGGBBAA` (the `#` may be left out, since
 * it must be written `%23` in a query string). Returns undefined for anything else.
 */
export function parseHexColor(text: string): Rgba | undefined {
  if (!HEX_COLOR.test(text)) return undefined;
  let hex = text.startsWith('#') ? text.slice(1) : text;
  if (hex.length <= 4) hex = [...hex].map((digit) => digit + digit).join('');
  const channel = (index: number): number => parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return { r: channel(0), g: channel(1), b: channel(2), a: hex.length === 8 ? channel(3) : 255 };
}

/** WCAG 2 relative luminance of a color as it shows on white: a translucent one is composited over it. */
export function luminanceOnWhite({ r, g, b, a }: Rgba): number {
  const linear = (channel: number): number => {
    const v = (channel * a + 255 * (255 - a)) / 65025;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** `#rrggbb`, or `#rrggbbaa` when translucent: how a color is named back to the client. */
export const colorName = (color: Rgba): string =>
  color.a === 255 ? toHexRgb(color) : `${toHexRgb(color)}${(256 | color.a).toString(16).slice(1)}`;
