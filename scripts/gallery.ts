// make gallery: one image per style for docs/api.md, drawn by the function itself through
// the documented direct-invoke payload, so each is exactly what a caller gets for its
// options. test/docs/gallery.test.ts draws them again, compares the bytes and reads each
// with ZBar, so the gallery cannot drift from the code or show a code that does not scan.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withoutRequestLog } from '../bench/quiet.js';
import { handler } from '../lambda/handler.js';

export const GALLERY_TEXT = 'https://example.com/menu/autumn-2026?table=12&lang=en';
export const GALLERY_DIR = fileURLToPath(new URL('../docs/gallery/', import.meta.url));
const API_MD = fileURLToPath(new URL('../docs/api.md', import.meta.url));
const START = '<!-- gallery:start (make gallery writes this block) -->';
const END = '<!-- gallery:end -->';

/** The logo every logo example uses, as it is sent: an SVG data: URI. */
export const GALLERY_LOGO = `data:image/svg+xml;base64,${readFileSync(`${GALLERY_DIR}logo.svg`).toString('base64')}`;

export interface GalleryEntry {
  /** The file's name in docs/gallery, without .png. */
  readonly name: string;
  /** The style options, beside `url` and `size`; `logo: true` stands for the gallery's logo. */
  readonly options: Readonly<Record<string, string | number | boolean>>;
}

export const GALLERY: readonly GalleryEntry[] = [
  { name: 'square', options: { dotStyle: 'square' } },
  { name: 'dots', options: { dotStyle: 'dots' } },
  { name: 'rounded', options: { dotStyle: 'rounded' } },
  { name: 'extra-rounded', options: { dotStyle: 'extra-rounded' } },
  { name: 'classy', options: { dotStyle: 'classy' } },
  { name: 'classy-rounded', options: { dotStyle: 'classy-rounded' } },
  {
    name: 'corners-extra-rounded',
    options: { cornerSquareStyle: 'extra-rounded', cornerSquareColor: '#0b5394', cornerDotStyle: 'dot' },
  },
  { name: 'corners-dot', options: { dotStyle: 'dots', cornerSquareStyle: 'dot', cornerDotStyle: 'dot' } },
  {
    name: 'gradient-linear',
    options: {
      dotStyle: 'rounded',
      dark: '#4a148c',
      gradient: 'linear',
      gradientColor: '#0b5394',
      gradientRotation: 45,
    },
  },
  { name: 'gradient-radial', options: { dotStyle: 'classy', gradient: 'radial', gradientColor: '#0b5394' } },
  { name: 'logo', options: { logo: true } },
  {
    name: 'logo-styled',
    options: {
      dotStyle: 'extra-rounded',
      cornerSquareStyle: 'extra-rounded',
      cornerDotStyle: 'dot',
      cornerDotColor: '#0b5394',
      logo: true,
    },
  },
];

/** The direct-invoke body for an entry, as a caller would send it. */
export function galleryBody(entry: GalleryEntry): Record<string, unknown> {
  const { logo, ...options } = entry.options;
  return { url: GALLERY_TEXT, size: 240, ...options, ...(logo ? { logo: GALLERY_LOGO } : {}) };
}

/** Draws an entry through the handler: the PNG, and what its verification says. */
export async function drawEntry(
  entry: GalleryEntry,
): Promise<{ png: Buffer; verified: { ec_level: string; logo_size?: number } }> {
  const result = await withoutRequestLog(() => handler({ body: JSON.stringify(galleryBody(entry)) }));
  const body = JSON.parse(result.body) as {
    qr_code?: string;
    verified: { ec_level: string; logo_size?: number };
    error?: string;
  };
  if (result.statusCode !== 200 || body.qr_code === undefined)
    throw new Error(`${entry.name}: ${result.statusCode} ${body.error}`);
  return { png: Buffer.from(body.qr_code, 'base64'), verified: body.verified };
}

const shown = (entry: GalleryEntry): string =>
  Object.entries(entry.options)
    .map(([key, value]) => `\`${key}: ${value === true ? '<logo.svg>' : JSON.stringify(value)}\``)
    .join(' ');

/** The block docs/api.md shows, three images a row, each with its options. */
export function galleryMarkdown(): string {
  const cells = GALLERY.map(
    (entry) => `<img src="gallery/${entry.name}.png" width="160" alt="${entry.name}"><br>${shown(entry)}`,
  );
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 3) rows.push(`| ${cells.slice(i, i + 3).join(' | ')} |`);
  return [START, '', '| | | |', '|---|---|---|', ...rows, '', END].join('\n');
}

/** docs/api.md with its gallery block replaced by `block`. */
export function withGallery(markdown: string, block: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/api.md has no ${START} … ${END} block`);
  return markdown.slice(0, start) + block + markdown.slice(end + END.length);
}

/** Draws every entry into `dir` and writes the block into the markdown file `apiMd`. */
export async function writeGallery(dir = GALLERY_DIR, apiMd = API_MD, log: (line: string) => void = console.log) {
  for (const entry of GALLERY) {
    const { png, verified } = await drawEntry(entry);
    writeFileSync(`${dir}${entry.name}.png`, png);
    const logo = verified.logo_size ? `, logo ${verified.logo_size}` : '';
    log(`docs/gallery/${entry.name}.png  ${png.length} bytes, level ${verified.ec_level}${logo}`);
  }
  writeFileSync(apiMd, withGallery(readFileSync(apiMd, 'utf8'), galleryMarkdown()));
  log('docs/api.md: gallery block written');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writeGallery();
