// Bundles lambda/handler.ts into build/lambda/index.mjs: the exact folder Terraform zips.
// Deterministic (same sources, same bytes) so the zip's hash only changes with the code.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

export const OUT_DIR = 'build/lambda';
export const BUNDLE = `${OUT_DIR}/index.mjs`;
/** Minified bundle budget: the code Lambda loads on every cold start. */
export const BUDGET_BYTES = 40 * 1024;
/** Packages with native code are installed for linux/arm64 by `make lambda-deps`, never bundled. */
export const EXTERNAL = [];

export async function bundle({ quiet = false } = {}) {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  const result = await build({
    entryPoints: ['lambda/handler.ts'],
    outfile: BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    external: EXTERNAL,
    metafile: true,
    logLevel: 'warning',
  });
  // The metafile sits beside the function folder, not in it: Lambda needs only index.mjs.
  await writeFile('build/meta.json', JSON.stringify(result.metafile, null, 2));
  const code = readFileSync(BUNDLE);
  const gzip = gzipSync(code, { level: 9 }).length;
  if (!quiet) {
    const inputs = Object.entries(result.metafile.outputs[BUNDLE].inputs)
      .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
      .slice(0, 5)
      .map(([file, { bytesInOutput }]) => `    ${String(bytesInOutput).padStart(6)}  ${file}`);
    console.log(`${BUNDLE}: ${code.length} bytes (${gzip} gzip), budget ${BUDGET_BYTES}\n  largest inputs:\n${inputs.join('\n')}`);
  }
  if (code.length > BUDGET_BYTES) {
    throw new Error(`${BUNDLE} is ${code.length} bytes, over its ${BUDGET_BYTES}-byte budget`);
  }
  return { bytes: code.length, gzip };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  bundle().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
