// A checkout works wherever it is: copied with its build/ (a copy must build a stand-in of
// its own, not use the original's) and then moved (its stand-in names a folder that is
// gone), `make validate` passes without `make clean`.
import t from 'tap';
import { cp, readFile, rename, symlink, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureStandIn } from '../../local/terraform/standin/build.js';
import { cloneOfProject } from '../helpers/clone.js';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
// What is under test is that Terraform finds the stand-in where the checkout now is; one
// test file shows it (test/infra/terraform-test.test.ts runs them all).
t.setTimeout(600_000);
const FILTER = 'test/terraform/preconditions.tftest.hcl';

// Make and Terraform without the user's CLI configuration, state folder or job server.
const env = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('TF_') && !name.startsWith('QR_')),
  ),
  CHECKPOINT_DISABLE: '1',
  MAKEFLAGS: '',
  MAKELEVEL: '',
};

/** The folder the stand-in's CLI configuration sends Terraform to. */
const standInOf = async (checkout: string): Promise<string> =>
  /"hashicorp\/aws" = "(.*)\/bin"/.exec(
    await readFile(join(checkout, 'build/terraform-standin/dev.tfrc'), 'utf8'),
  )?.[1] ?? '';

t.test('a copied, then moved checkout builds its own stand-in and passes make validate', async (t) => {
  await ensureStandIn();
  const copy = await cloneOfProject();
  await cp(join(root, 'build'), join(copy, 'build'), { recursive: true, preserveTimestamps: true });
  // The project's packages, as installed: a second install would take minutes.
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
  // The clone's folders are new, so its stand-in would look older than its sources; a copy
  // made with `cp -a` keeps every time, and its stand-in looks current. Make it so here.
  const now = new Date();
  await utimes(join(copy, 'build/terraform-standin/mirror.tfrc'), now, now);
  const upToDate = await run('make', ['--question', 'node_modules/.build-stamp'], copy, env);
  t.equal(upToDate.code, 0, 'the packages are installed (else make would reinstall them into the project)');
  if (upToDate.code !== 0) return;
  t.equal(
    await standInOf(copy),
    join(root, 'build/terraform-standin'),
    "the copy's build/ names the original's stand-in",
  );

  const standin = await run('make', ['--no-print-directory', 'standin'], copy, env);
  t.equal(standin.code, 0, 'make standin in the copy');
  t.equal(await standInOf(copy), join(copy, 'build/terraform-standin'), 'the copy now has a stand-in of its own');

  const moved = join(dirname(copy), 'moved');
  await rename(copy, moved);
  const validate = await run('make', ['--no-print-directory', 'validate'], moved, { ...env, TF_TEST_FILTER: FILTER });
  t.equal(validate.code, 0, 'make validate passes in the moved checkout');
  if (validate.code !== 0) t.comment(validate.stderr.slice(-1500));
  t.notMatch(validate.stderr, /could not read package directory/, 'Terraform found the stand-in');
  t.match(
    validate.stdout,
    `stand-in provider: ${join(moved, 'build/terraform-standin')} `,
    'it reports the stand-in where the checkout is now',
  );
  t.equal(
    await standInOf(moved),
    join(moved, 'build/terraform-standin'),
    'its CLI configuration names the folder it is in',
  );
  t.match(
    validate.stdout.replace(/\x1b\[[0-9;]*m/g, ''),
    /Success! \d+ passed, 0 failed\./,
    'terraform test passed there',
  );
  t.match(validate.stdout, `${FILTER}... `, 'the one test file it was given');
  t.notMatch(validate.stdout, 'variables.tftest.hcl', 'and no other');
});
