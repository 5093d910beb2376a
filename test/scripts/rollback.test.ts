// make rollback / make rollforward (scripts/rollback.sh) against a terraform that answers
// from a script: which version the pin names, what it refuses, and that a declined or failed
// apply leaves the pin as it was, so the next deploy is not steered by a move that never happened.
import t from 'tap';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PIN = 'rollback.auto.tfvars.json';

/** A folder whose `terraform` prints these outputs and whose apply exits with `applyCode`. */
async function deployment(
  outputs: { live: string; latest: string; distribution?: string },
  applyCode: number,
): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
  const dir = await mkdtemp(join(tmpdir(), 'rollback-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const bin = join(dir, 'bin');
  await mkdir(bin);
  const terraform = `#!/usr/bin/env bash
case "$1 $2 $3" in
  "output -raw live_version") printf '%s' '${outputs.live}' ;;
  "output -raw latest_version") printf '%s' '${outputs.latest}' ;;
  "output -raw cdn_distribution_id") printf '%s' '${outputs.distribution ?? 'null'}' ;;
  apply*) echo "apply $*" >>"${dir}/applies"; exit ${applyCode} ;;
  *) echo "unexpected: $*" >&2; exit 2 ;;
esac
`;
  await writeFile(join(bin, 'terraform'), terraform);
  await chmod(join(bin, 'terraform'), 0o755);
  // An AWS CLI v2 that records what it is asked.
  await writeFile(
    join(bin, 'aws'),
    `#!/usr/bin/env bash\nif [ "$1" = --version ]; then echo aws-cli/2.17.0; exit 0; fi\necho "$*" >>"${dir}/aws-calls"\necho I2J0000000000\n`,
  );
  await chmod(join(bin, 'aws'), 0o755);
  return { dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } };
}

const rollback = (dir: string, env: NodeJS.ProcessEnv, ...args: string[]) =>
  run(join(root, 'scripts/rollback.sh'), args, dir, env);

t.test('make rollback pins the version before the live one, and applies', async (t) => {
  const { dir, env } = await deployment({ live: '3', latest: '3' }, 0);
  const result = await rollback(dir, env, 'back');
  t.equal(result.code, 0, result.stderr);
  t.same(JSON.parse(await readFile(join(dir, PIN), 'utf8')), { live_version: '2' });
  t.match(await readFile(join(dir, 'applies'), 'utf8'), /apply -input=false/);
});

t.test('a failed or declined apply leaves the pin as it was', async (t) => {
  const fresh = await deployment({ live: '3', latest: '3' }, 1);
  const failed = await rollback(fresh.dir, fresh.env, 'back');
  t.not(failed.code, 0, 'the rollback fails');
  t.notOk(existsSync(join(fresh.dir, PIN)), 'no pin where there was none');
  t.match(failed.stderr, /the apply did not complete/);

  const pinned = await deployment({ live: '2', latest: '3' }, 1);
  await writeFile(join(pinned.dir, PIN), '{\n  "live_version": "2"\n}\n');
  t.not((await rollback(pinned.dir, pinned.env, 'back')).code, 0);
  t.same(JSON.parse(await readFile(join(pinned.dir, PIN), 'utf8')), { live_version: '2' }, 'the earlier pin, back');
  t.not((await rollback(pinned.dir, pinned.env, 'forward')).code, 0);
  t.ok(existsSync(join(pinned.dir, PIN)), 'a failed rollforward keeps the pin too');
});

t.test('what it refuses, with the reason', async (t) => {
  const first = await deployment({ live: '1', latest: '1' }, 0);
  t.match((await rollback(first.dir, first.env, 'back')).stderr, /version 1 is the first published version/);
  const none = await deployment({ live: '', latest: '' }, 0);
  t.match((await rollback(none.dir, none.env, 'back')).stderr, /no live alias to move.*rollback_enabled = true/s);
  const ahead = await deployment({ live: '2', latest: '3' }, 0);
  t.match((await rollback(ahead.dir, ahead.env, 'back', '4')).stderr, /version 4 is not published yet/);
  t.notOk(existsSync(join(ahead.dir, 'applies')), 'and applies nothing');
});

// CloudFront caches GET /generate's images for a year (immutable): a rollback that left them
// there would keep serving what the bad version drew. The invalidation of every path is one
// path to pay for ("/*"; CloudFront developer guide, "Pay for file invalidation").
t.test('with the CDN, a rollback or rollforward invalidates every path it cached', async (t) => {
  for (const direction of ['back', 'forward']) {
    const { dir, env } = await deployment({ live: '3', latest: '3', distribution: 'E2EXAMPLE000AB' }, 0);
    if (direction === 'forward') await writeFile(join(dir, PIN), '{\n  "live_version": "2"\n}\n');
    const result = await rollback(dir, env, direction);
    t.equal(result.code, 0, result.stderr);
    t.equal(
      await readFile(join(dir, 'aws-calls'), 'utf8'),
      'cloudfront create-invalidation --distribution-id E2EXAMPLE000AB --paths /* --query Invalidation.Id --output text\n',
      `${direction}: one invalidation of every path, after the apply`,
    );
    t.match(result.stdout, /browsers keep the images they already hold/);
  }
  const none = await deployment({ live: '3', latest: '3' }, 0);
  t.equal((await rollback(none.dir, none.env, 'back')).code, 0);
  t.notOk(existsSync(join(none.dir, 'aws-calls')), 'without the CDN, nothing to invalidate');
  const failed = await deployment({ live: '3', latest: '3', distribution: 'E2EXAMPLE000AB' }, 1);
  t.not((await rollback(failed.dir, failed.env, 'back')).code, 0);
  t.notOk(existsSync(join(failed.dir, 'aws-calls')), 'nor after an apply that failed');
});
