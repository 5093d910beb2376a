import t from 'tap';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layering rules live in .dependency-cruiser.cjs (local/ ↛ lambda/, the QR core alone,
 * render on the QR core, the input layer and the payload builders alone, the page's browser code
 * apart from the server, the stand-in provider without its builder and generator, no cycles,
 * ...). These tests hold the
 * project to them and prove that each rule fails a tree that breaks it.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

const cruise = (cwd: string) =>
  spawnSync(
    process.execPath,
    [depcruise, '--config', '.dependency-cruiser.cjs', '--output-type', 'err', 'lambda', 'local', 'scripts'],
    {
      cwd,
      encoding: 'utf8',
    },
  );

t.test('a tree that breaks each rule fails, naming the rule and the import', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'layering-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of ['.dependency-cruiser.cjs', 'tsconfig.json']) copyFileSync(join(root, file), join(dir, file));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', devDependencies: { 'fast-check': '*' } }));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const files: Record<string, string> = {
    'lambda/errors.ts': 'export class HttpError extends Error {}\n',
    'lambda/generate/route.ts': 'export const route = 1;\n',
    'lambda/qr/symbol.ts': "import { HttpError } from '../errors.js';\nexport const x = HttpError;\n",
    'lambda/render/png.ts': "import { route } from '../generate/route.js';\nexport const y = route;\n",
    'lambda/payload/wifi.ts': "import type { Helper } from '../../local/helper.js';\nexport type W = Helper;\n",
    'lambda/input/text.ts': "import { route } from '../generate/route.js';\nexport const z = route;\n",
    'lambda/http/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
    'lambda/http/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    'lambda/http/random.ts': "import fc from 'fast-check';\nexport const r = fc;\n",
    'lambda/http/typo.ts': "import { nothing } from './nowhere.js';\nexport const n = nothing;\n",
    'local/helper.ts': "import { HttpError } from '../lambda/errors.js';\nexport type Helper = HttpError;\n",
    'scripts/shot.ts': "import { held } from '../test/helpers/held.js';\nexport const s = held;\n",
    'test/helpers/held.ts': 'export const held = 1;\n',
    'lambda/page/style-options.ts': 'export const MAX_DAMAGE = 0.5;\n',
    'lambda/page/builders.ts':
      "import { route } from '../generate/route.js';\nexport const BUILDER_FORMS = { route };\n",
    'lambda/page/client/main.ts':
      "import { MAX_DAMAGE } from '../style-options.js';\nimport { HttpError } from '../../errors.js';\nexport const m = [MAX_DAMAGE, HttpError];\n",
    'lambda/page/route.ts': "import { m } from './client/main.js';\nexport const page = m;\n",
    'local/terraform/standin/provider/server.ts':
      "import { TARGETS } from '../schema-generator/targets.js';\nexport const s = TARGETS;\n",
    'local/terraform/standin/schema-generator/targets.ts': 'export const TARGETS = [];\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  // As `make lint` runs it: a failing exit status, each broken rule named.
  const lint = cruise(dir);
  t.not(lint.status, 0, 'depcruise fails');
  // node_modules is a link here: the package's files are named by their real path.
  // A cycle goes on over the next lines, a module a line.
  const errors = [...lint.stdout.replace(/ → ?\n {6}/g, ' → ').matchAll(/^ {2}error (.+)$/gm)].map(([, line]) =>
    line!.replace(/→ \S*node_modules\/fast-check\/\S*/, '→ fast-check'),
  );
  t.same(errors.sort(), [
    'function-stands-alone: lambda/payload/wifi.ts → local/helper.ts',
    'input-alone: lambda/input/text.ts → lambda/generate/route.ts',
    'local-not-lambda: local/helper.ts → lambda/errors.ts',
    'no-circular: lambda/http/a.ts → lambda/http/b.ts → lambda/http/a.ts',
    'no-dev-deps-in-the-bundle: lambda/http/random.ts → fast-check',
    'not-to-unresolvable: lambda/http/typo.ts → ./nowhere.js',
    'page-client-alone: lambda/page/client/main.ts → lambda/errors.ts',
    'page-client-in-the-browser: lambda/page/route.ts → lambda/page/client/main.ts',
    'page-tables-pure: lambda/page/builders.ts → lambda/generate/route.ts',
    'payload-alone: lambda/payload/wifi.ts → local/helper.ts',
    'qr-alone: lambda/qr/symbol.ts → lambda/errors.ts',
    'render-on-qr: lambda/render/png.ts → lambda/generate/route.ts',
    'standin-provider-alone: local/terraform/standin/provider/server.ts → local/terraform/standin/schema-generator/targets.ts',
    'tests-are-leaves: scripts/shot.ts → test/helpers/held.ts',
  ]);
});
