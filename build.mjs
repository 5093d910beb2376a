// Bundles lambda/handler.ts into build/lambda/index.mjs, deterministically (same sources,
// same bytes, on any machine). Terraform zips that folder into build/lambda.zip at plan
// time (data "archive_file" in main.tf), so the zip's hash changes only with the code.
import { build, transform } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

const ROOT = dirname(fileURLToPath(import.meta.url));
/** Minified bundle budget: the code Lambda loads on every cold start (index.mjs; the chunks load on first use). */
export const BUDGET_BYTES = 40 * 1024;
/** Packages with native code are installed for linux/arm64 by `make lambda-deps`, never bundled. */
export const EXTERNAL = ['@resvg/resvg-js'];
/**
 * Files the chunks read at run time, by their path from the chunk (build/lambda/chunks/): ZXing's
 * WebAssembly beside it, and the caption font with its licence at ../fonts/, where
 * lambda/styled/font/font.ts finds it from its source too.
 */
const CHUNK_FILES = {
  'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm': 'chunks/zxing_reader.wasm',
  'lambda/styled/fonts/Inter-Caption.ttf': 'fonts/Inter-Caption.ttf',
  'lambda/styled/fonts/OFL.txt': 'fonts/OFL.txt',
};

/**
 * The page's style, script and markup (lambda/page/html.ts) are made from their sources when
 * that module is evaluated: the style read from style.css, the script bundled by esbuild from
 * the browser code in lambda/page/client/ (an IIFE), the markup made from the builders'
 * table (body.ts). The page's chunk takes only the three strings, minified (esbuild minifies
 * the script as it bundles it, and the style here; whitespace between tags goes from the
 * markup), and neither esbuild nor the sources. The CSP hashes are computed from the same
 * strings at run time, and the browser tests run against this bundle.
 */
const minifyPage = {
  name: 'minify-page',
  setup(pageBuild) {
    pageBuild.onLoad({ filter: /lambda[\\/]page[\\/]html\.ts$/ }, async (args) => {
      const page = await tsImport(pathToFileURL(args.path).href, import.meta.url);
      const style = (await transform(page.STYLE, { loader: 'css', minify: true })).code.trim();
      const body = page.BODY.replace(/>\s+</g, '><').trim();
      return {
        contents: `export const STYLE = ${JSON.stringify(style)};\nexport const SCRIPT = ${JSON.stringify(page.SCRIPT)};\nexport const BODY = ${JSON.stringify(body)};\n`,
        loader: 'js',
      };
    });
  },
};

/** Modules loaded on first use: each is bundled into a chunk of its own, which the handler imports dynamically. */
export const LAZY = {
  'lambda/dialects/index.ts': 'chunks/dialects.mjs',
  'lambda/payload/index.ts': 'chunks/payload.mjs',
  'lambda/page/route.ts': 'chunks/page.mjs',
  'lambda/styled/index.ts': 'chunks/styled.mjs',
  'lambda/input/kanji-text.ts': 'chunks/kanji.mjs',
};

const tsPathOf = (resolveDir, specifier) =>
  relative(ROOT, resolve(resolveDir, specifier)).split(sep).join('/').replace(/\.js$/, '.ts');

/** In the handler's bundle, a dynamic import of a lazy module is the chunk beside it. */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const chunk = LAZY[tsPathOf(args.resolveDir, args.path)];
      return chunk && args.kind === 'dynamic-import' ? { path: `./${chunk}`, external: true } : undefined;
    });
  },
};

/**
 * In a chunk, every source the core bundle holds is the core's: imported from index.mjs
 * (lambda/shared.ts re-exports it), so the chunk shares its classes and caches. Sources only
 * chunks use (the chunk's own folder, or a module of the core's folders that a cold start
 * never needs) are bundled into the chunk, and cost a cold start nothing.
 */
const coreFromIndex = (coreSources) => ({
  name: 'core-from-index',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point' || !coreSources.has(tsPathOf(args.resolveDir, args.path))) return undefined;
      return { path: '../index.mjs', external: true };
    });
  },
});

const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  external: EXTERNAL,
  metafile: true,
  logLevel: 'warning',
};

/**
 * Every name a chunk imports from index.mjs is one the core exports (lambda/shared.ts):
 * otherwise the chunk would fail to link at its first request, long after the build.
 */
export async function checkCoreExports(outfile, mainMetafile, chunkBuilds) {
  const exported = new Set(Object.values(mainMetafile.outputs).flatMap((output) => output.exports ?? []));
  for (const { metafile } of chunkBuilds) {
    for (const chunk of Object.keys(metafile.outputs).filter((file) => file.endsWith('.mjs'))) {
      const code = await readFile(join(ROOT, chunk), 'utf8');
      const imported = [...code.matchAll(/import\{([^}]*)\}from"\.\.\/index\.mjs"/g)].flatMap(([, names]) =>
        names.split(',').map((name) => name.trim().split(/\s+as\s+/)[0]),
      );
      const missing = [...new Set(imported)].filter((name) => !exported.has(name));
      if (missing.length > 0)
        throw new Error(
          `${chunk} imports ${missing.join(', ')} from ${relative(ROOT, outfile)}: export it from lambda/shared.ts`,
        );
    }
  }
}

/**
 * Writes `<outDir>/index.mjs`, the handler and all a cold start loads, in one file, and
 * `<outDir>/chunks/`, the code only some requests use (the page, the dialect routes, the payload
 * builders, styled codes, the Kanji table), which the handler imports on the first request that needs it; a chunk takes
 * what it shares with the core from index.mjs. The esbuild metafile goes to
 * `<outDir>/../meta.json`, and what a cold start loads to `<outDir>/../cold-start.json`,
 * beside the folder: Lambda needs only the bundle.
 */
export async function bundle({ outDir = join(ROOT, 'build/lambda'), quiet = false } = {}) {
  const outfile = join(outDir, 'index.mjs');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const main = await build({
    ...COMMON,
    entryPoints: ['lambda/handler.ts'],
    outfile,
    plugins: [minifyPage, lazyChunks],
  });
  const chunkBuilds = await Promise.all(
    Object.entries(LAZY).map(([entry, chunk]) =>
      build({
        ...COMMON,
        entryPoints: [entry],
        outfile: join(outDir, chunk),
        plugins: [minifyPage, coreFromIndex(new Set(Object.keys(main.metafile.inputs)))],
      }),
    ),
  );
  await checkCoreExports(outfile, main.metafile, chunkBuilds);
  for (const [source, target] of Object.entries(CHUNK_FILES)) {
    await mkdir(dirname(join(outDir, target)), { recursive: true });
    await copyFile(join(ROOT, source), join(outDir, target));
  }
  const result = { metafile: { inputs: {}, outputs: {} } };
  for (const { metafile } of [main, ...chunkBuilds]) {
    Object.assign(result.metafile.inputs, metafile.inputs);
    Object.assign(result.metafile.outputs, metafile.outputs);
  }
  await writeFile(join(outDir, '..', 'meta.json'), `${JSON.stringify(result.metafile, null, 2)}\n`);
  // A cold start loads index.mjs alone: it imports each chunk dynamically, and a chunk imports it back.
  const code = await readFile(outfile);
  const gzip = gzipSync(code, { level: 9 }).length;
  const [entryOutput] = Object.values(main.metafile.outputs);
  const largest = Object.entries(entryOutput.inputs)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, 5)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }));
  const chunks = chunkBuilds.flatMap(({ metafile }) =>
    Object.entries(metafile.outputs).map(([file, { bytes }]) => ({ file, bytes })),
  );
  if (!quiet) {
    const rows = (list) => list.map(({ file, bytes }) => `    ${String(bytes).padStart(6)}  ${file}`).join('\n');
    console.log(
      `build/lambda/index.mjs: ${code.length} bytes, all a cold start loads (${gzip} gzip), budget ${BUDGET_BYTES}\n` +
        `  largest inputs:\n${rows(largest)}\n  loaded on first use:\n${rows(chunks)}`,
    );
  }
  // What a cold start loads, for make bench: the same figures, from the same build.
  await writeFile(
    join(outDir, '..', 'cold-start.json'),
    `${JSON.stringify({ bytes: code.length, gzip, files: [relative(ROOT, outfile)], largest, chunks }, null, 2)}\n`,
  );
  if (code.length > BUDGET_BYTES) {
    throw new Error(`index.mjs, all a cold start loads, is ${code.length} bytes, over its ${BUDGET_BYTES}-byte budget`);
  }
  return { outfile, bytes: code.length, gzip, largest, chunks };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  bundle().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
