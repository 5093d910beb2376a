// Bundles lambda/handler.ts into build/lambda/index.mjs: the exact folder Terraform zips.
// Deterministic (same sources, same bytes) so the zip's hash only changes with the code.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = dirname(fileURLToPath(import.meta.url));
/** Minified bundle budget: the code Lambda loads on every cold start. */
export const BUDGET_BYTES = 40 * 1024;
/** Packages with native code are installed for linux/arm64 by `make lambda-deps`, never bundled. */
export const EXTERNAL = [];

/**
 * The page's HTML, CSS and script are strings, which minifying leaves as written: drop
 * their indentation (newlines stay, so the script's meaning cannot change). The CSP
 * hashes are computed from the same strings at run time.
 */
const dedentPage = {
  name: 'dedent-page',
  setup(build) {
    build.onLoad({ filter: /lambda[\\/]page[\\/]html\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(/\n[ \t]+/g, '\n'),
      loader: 'ts',
    }));
  },
};

/**
 * Writes `<outDir>/index.mjs` (and nothing else there) plus `<outDir>/../meta.json`,
 * the esbuild metafile, beside it rather than in it: Lambda needs only the bundle.
 */
export async function bundle({ outDir = join(ROOT, 'build/lambda'), quiet = false } = {}) {
  const outfile = join(outDir, 'index.mjs');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['lambda/handler.ts'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    external: EXTERNAL,
    plugins: [dedentPage],
    metafile: true,
    logLevel: 'warning',
  });
  await writeFile(join(outDir, '..', 'meta.json'), `${JSON.stringify(result.metafile, null, 2)}\n`);
  const code = await readFile(outfile);
  const gzip = gzipSync(code, { level: 9 }).length;
  const [output] = Object.values(result.metafile.outputs);
  const largest = Object.entries(output.inputs)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, 5)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }));
  if (!quiet) {
    const rows = largest.map(({ file, bytes }) => `    ${String(bytes).padStart(6)}  ${file}`).join('\n');
    console.log(`build/lambda/index.mjs: ${code.length} bytes (${gzip} gzip), budget ${BUDGET_BYTES}\n  largest inputs:\n${rows}`);
  }
  if (code.length > BUDGET_BYTES) {
    throw new Error(`index.mjs is ${code.length} bytes, over its ${BUDGET_BYTES}-byte budget`);
  }
  return { outfile, bytes: code.length, gzip, largest };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  bundle().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
