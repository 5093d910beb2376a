// The page at GET /, in three parts: its style (style.css), its script (client/, a browser
// module bundled into one script) and its markup (body.ts). Each is inlined, and the style
// and the script hashed into the Content-Security-Policy (see route.ts), so nothing else can
// run or load. This module makes the three from their sources, for the tests that run from
// them; the build replaces it with the same three strings, the style and the markup
// minified too (build.mjs, minify-page), so the function carries neither esbuild nor the sources.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export { BODY } from './body.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

export const STYLE = readFileSync(here('style.css'), 'utf8');

/** The browser code, from client/main.ts, as one minified script for the browsers the page is for. */
export const SCRIPT = buildSync({
  entryPoints: [here('client/main.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
}).outputFiles[0]!.text.trim();
