import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The house reads one way: http, generate and the dialects may use render and qr; render
 * (the image formats) uses only the QR core; the QR core uses only itself and qrcode's
 * tables; the payload builders use only themselves and the errors they report.
 */
const folder = new URL('../../lambda/', import.meta.url);
const importsOf = (file: URL): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1]!);

const allowed: Record<string, (specifier: string) => boolean> = {
  qr: (specifier) => specifier.startsWith('./') || specifier.startsWith('qrcode/lib/core/'),
  render: (specifier) => specifier.startsWith('./') || specifier.startsWith('../qr/') || specifier === 'node:zlib',
  payload: (specifier) => specifier.startsWith('./') || specifier === '../errors.js' || specifier === '../describe.js',
};

for (const [layer, isAllowed] of Object.entries(allowed)) {
  t.test(`lambda/${layer} imports only what lies beneath it`, async (t) => {
    const files = readdirSync(new URL(`${layer}/`, folder)).filter((name) => name.endsWith('.ts'));
    t.ok(files.length > 3, `${files.length} files read`);
    for (const name of files) {
      const imports = importsOf(new URL(`${layer}/${name}`, folder));
      t.same(imports.filter((specifier) => !isAllowed(specifier)), [], `${layer}/${name}: ${imports.length} imports`);
    }
  });
}

t.test('the import reader sees imports and type imports', async (t) => {
  const imports = importsOf(new URL('generate/image.ts', folder));
  t.ok(imports.includes('../render/render.js'));
  t.ok(imports.includes('../qr/ec-level.js'), 'import type lines count too');
});
