// Bundles lambda/handler.ts into build/lambda/index.mjs, deterministically (same sources,
// same bytes, on any machine). Terraform zips that folder into build/lambda.zip at plan
// time (data "archive_file" in main.tf), so the zip's hash changes only with the code.
import { build, transform } from 'esbuild';
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
 * The page's HTML, CSS and script are strings, which minifying the bundle leaves as
 * written: minify them too (esbuild for the script and the style, whitespace between
 * tags for the markup). The CSP hashes are computed from the same strings at run time,
 * and the browser tests run against this bundle.
 */
const minifyPage = {
  name: 'minify-page',
  setup(build) {
    build.onLoad({ filter: /lambda[\\/]page[\\/]html\.ts$/ }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'ts', format: 'esm' });
      const page = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
      const script = (await transform(page.SCRIPT, { loader: 'js', minify: true })).code.trim();
      const style = (await transform(page.STYLE, { loader: 'css', minify: true })).code.trim();
      const body = page.BODY.replace(/>\s+</g, '><').trim();
      return {
        contents: `export const STYLE = ${JSON.stringify(style)};\nexport const SCRIPT = ${JSON.stringify(script)};\nexport const BODY = ${JSON.stringify(body)};\n`,
        loader: 'js',
      };
    });
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
    plugins: [minifyPage],
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
