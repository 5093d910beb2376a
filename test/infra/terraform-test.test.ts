// `make validate` on the project as it is: terraform fmt -check, terraform validate against
// the providers' schema, and every test/terraform/*.tftest.hcl planned against the stand-in.
// It runs here, beside the other test files, rather than before them all; validate.test.ts
// proves that each way of breaking the .tf files fails it.
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Every run block of every file, one after another: minutes, past tap's default per file.
t.setTimeout(900_000);
const files = readdirSync(join(root, 'test/terraform'))
  .filter((name) => name.endsWith('.tftest.hcl'))
  .sort();
/** The run blocks the files hold: each must pass. */
const runs = files.reduce(
  (count, file) => count + (readFileSync(join(root, 'test/terraform', file), 'utf8').match(/^run "/gm) ?? []).length,
  0,
);

t.test(
  'the project passes make validate: formatted, valid, and every terraform test',
  { timeout: 600_000 },
  async (t) => {
    t.ok(files.length >= 5, `the terraform tests are found (${files.length})`);
    const { code, stdout, stderr } = await run(join(root, 'scripts/terraform-validate.sh'), [], root, {
      ...process.env,
      TF_TEST_FILTER: '',
    });
    const output = stdout + stderr;
    t.equal(code, 0, `make validate passes${code === 0 ? '' : `:\n${output.slice(-3000)}`}`);
    t.match(stdout, /==> terraform fmt -check\n==> terraform validate\n/, 'nothing to reformat');
    t.match(stdout, /Success! The configuration is valid/, 'valid against the schema');
    for (const file of files) t.match(stdout, `test/terraform/${file}... pass`, `${file} passes`);
    t.match(stdout, `Success! ${runs} passed, 0 failed.`, `every run block passed (${runs})`);
  },
);

t.test(
  "a user's own TF_REATTACH_PROVIDERS, naming a provider this project uses, does not stop the stand-in",
  async (t) => {
    // As a provider's debug mode prints it, for a process that is gone by now.
    const debugged = {
      Protocol: 'grpc',
      ProtocolVersion: 6,
      Pid: 1,
      Test: true,
      Addr: { Network: 'unix', String: '/nonexistent/plugin' },
    };
    const { code, stdout, stderr } = await run(join(root, 'scripts/terraform-validate.sh'), [], root, {
      ...process.env,
      TF_REATTACH_PROVIDERS: JSON.stringify({ 'registry.terraform.io/hashicorp/aws': debugged }),
      TF_TEST_FILTER: 'test/terraform/preconditions.tftest.hcl',
    });
    t.equal(
      code,
      0,
      `make validate passes, served the stand-in${code === 0 ? '' : `:\n${(stdout + stderr).slice(-2000)}`}`,
    );
    t.match(stdout, /test\/terraform\/preconditions\.tftest\.hcl\.\.\. pass/);
  },
);
