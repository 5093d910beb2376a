import type { RgbaImage } from './png-decode.js';

/**
 * A text QR code as a terminal with light text on a dark background shows it: each
 * character two modules tall, its upper and lower halves light where the glyph has ink.
 * `pixels` per module; a dark border around it, as the terminal's background.
 */
export function rasterizeText(text: string, pixels = 4, border = 8): RgbaImage {
  const lines = text.split('\n').filter((line) => line !== '');
  const across = Math.max(...lines.map((line) => [...line].length));
  const width = (across + 2 * border) * pixels;
  const height = (lines.length * 2 + 2 * border) * pixels;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255; // opaque black
  const ink = (moduleRow: number, moduleCol: number): void => {
    for (let y = 0; y < pixels; y++) {
      for (let x = 0; x < pixels; x++) {
        const offset = (((border + moduleRow) * pixels + y) * width + (border + moduleCol) * pixels + x) * 4;
        rgba[offset] = rgba[offset + 1] = rgba[offset + 2] = 255;
      }
    }
  };
  lines.forEach((line, index) => {
    [...line].forEach((char, col) => {
      if (char === '▀' || char === '█') ink(index * 2, col);
      if (char === '▄' || char === '█') ink(index * 2 + 1, col);
      if (!' ▀▄█'.includes(char)) throw new Error(`unexpected character ${JSON.stringify(char)}`);
    });
  });
  return { width, height, rgba };
}
