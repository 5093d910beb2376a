// The first `make dev` (or `make test`) installs the packages, and aws-lambda-ric compiles
// its native part then (npm ci and the compile: 79 s alone on two cores, 3.5 min beside other
// work): it says so, and for about how long, before it starts, rather than
// leaving the terminal silent.
import t from 'tap';
import { cloneOfProject } from '../helpers/clone.js';
import { run } from '../helpers/processes.js';

t.test('on a fresh clone, the install announces the native compile and its length before npm ci', async (t) => {
  const clone = await cloneOfProject();
  // --dry-run: the recipe as it would run, without installing.
  const result = await run('make', ['--no-print-directory', '--dry-run', 'node_modules/.install-stamp'], clone, {
    ...process.env,
    MAKEFLAGS: '',
    MAKELEVEL: '',
  });
  t.equal(result.code, 0);
  const lines = result.stdout.split('\n');
  const announce = lines.findIndex((line) =>
    /aws-lambda-ric compiles its native part.*a minute or two on two cores, longer on a busy machine/.test(line),
  );
  const install = lines.findIndex((line) => /^npm ci\b/.test(line));
  t.ok(announce >= 0, 'what compiles, and about how long');
  t.ok(install > announce, 'said before npm ci starts');
});
