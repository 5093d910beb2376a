// What the Makefile and npm run: a `$(shell …)` typed in URL runs nothing and reaches the
// recipes as typed; install scripts run for the allowed packages alone, on every npm.
import t from 'tap';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

t.test('make … URL=$(shell …): nothing runs, and the recipes get the text as typed', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'make-url-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  // The project's Makefile, plus a target that shows what a recipe sees.
  await writeFile(join(dir, 'show.mk'), 'show-text:\n\t@printf "%s" "$$QR_TEXT"; printf "|%s" "$${URL-unset}"\n');
  for (const url of ['$(shell touch pwned)', '`touch pwned`', 'it\'s "here" & $HOME \\ 100%']) {
    const result = await run(
      'make',
      ['--no-print-directory', '-f', join(root, 'Makefile'), '-f', 'show.mk', 'show-text', `URL=${url}`],
      dir,
    );
    t.equal(result.code, 0, `make runs (${result.stderr.slice(-200)})`);
    t.equal(result.stdout, `${url}|unset`, `${url}: QR_TEXT as typed, URL not exported`);
    t.notOk(existsSync(join(dir, 'pwned')), `${url}: nothing ran`);
  }
});

t.test(
  'install scripts: off in .npmrc for every npm, rebuilt by name for exactly the packages allowScripts allows',
  async (t) => {
    const config = await run('npm', ['config', 'get', 'ignore-scripts'], root);
    t.equal(config.stdout.trim(), 'true', 'npm in this project runs no install script by itself');
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      allowScripts: Record<string, boolean>;
    };
    const allowed = Object.entries(pkg.allowScripts)
      .filter(([, yes]) => yes)
      .map(([name]) => name)
      .sort();
    const makefile = await readFile(join(root, 'Makefile'), 'utf8');
    const listed = (/^ALLOWED_SCRIPTS := (.+)$/m.exec(makefile)?.[1] ?? '').split(/\s+/).sort();
    t.same(listed, allowed, 'the Makefile rebuilds what package.json allows, no more');
    t.match(
      makefile,
      /npm ci --no-audit --no-fund\n\tnpm rebuild --ignore-scripts=false \$\(ALLOWED_SCRIPTS\)/,
      'right after the full install',
    );
    const security = await readFile(join(root, 'SECURITY.md'), 'utf8');
    t.match(security, /ignore-scripts/, 'SECURITY.md says how');
  },
);
