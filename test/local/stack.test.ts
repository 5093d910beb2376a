// The stack as a whole: configured by the .tf files alone, independent of the function's source.
import t from 'tap';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from '../../local/stack.js';
import { copyOfModule } from '../helpers/clone.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

t.test('renaming the function (TF_VAR_function_name) renames what the stack answers to', async (t) => {
  const stack = await startStack({ dir: root, env: { TF_VAR_function_name: 'renamed-qr', TF_VAR_timeout: '5' } });
  t.teardown(() => stack.close());
  t.equal(stack.config.function.name, 'renamed-qr');
  t.equal(stack.config.function.timeoutSeconds, 5);
  t.equal(stack.config.function.logGroupName, '/aws/lambda/renamed-qr', 'derived names follow');
  const invoke = (name: string) =>
    fetch(`${stack.lambdaUrl}/2015-03-31/functions/${name}/invocations`, {
      method: 'POST',
      body: JSON.stringify({ url: 'renamed' }),
    });
  t.equal((await invoke('renamed-qr')).status, 200);
  t.equal((await invoke('qr-code-generator')).status, 404);
});

t.test('a value the validations refuse stops the stack, as terraform plan would', async (t) => {
  await t.rejects(
    startStack({ dir: root, env: { TF_VAR_timeout: '90' } }),
    /timeout must be a whole number of seconds from 1 to 30/,
  );
});

t.test('a port in use is reported, and nothing is left running', async (t) => {
  const first = await startStack({ dir: root });
  t.teardown(() => first.close());
  const port = Number(new URL(first.httpUrl).port);
  await t.rejects(startStack({ dir: root, httpPort: port }), { code: 'EADDRINUSE' });
});

t.test('local/ imports nothing from lambda/', async (t) => {
  const files = (await readdir(join(root, 'local'), { recursive: true })).filter((file) => /\.(ts|mjs)$/.test(file));
  t.ok(files.length > 5);
  for (const file of files) {
    const source = await readFile(join(root, 'local', file), 'utf8');
    t.notMatch(source, /from\s+['"][./]*lambda\//, file);
  }
});

t.test('variables as Terraform takes them: tfvars files over TF_VAR_*, strings converted to numbers', async (t) => {
  const { writeFile } = await import('node:fs/promises');
  const dir = await copyOfModule();
  // A word where a number is expected: Terraform converts "512"; *.auto.tfvars.json names the function.
  await writeFile(join(dir, 'terraform.tfvars'), 'memory_size = "512"\nfunction_name = "from-tfvars"\n');
  await writeFile(join(dir, 'names.auto.tfvars.json'), JSON.stringify({ function_name: 'from-auto-json' }));
  const { loadStackConfig } = await import('../../local/terraform/stack-config.js');
  const config = await loadStackConfig(dir, {
    TF_VAR_function_name: 'from-env',
    TF_VAR_timeout: '7',
    TF_VAR_memory_size: '1024',
  });
  t.equal(config.function.memorySize, 512, 'terraform.tfvars beats TF_VAR_, and "512" is the number 512');
  t.equal(config.function.name, 'from-auto-json', '*.auto.tfvars.json beats terraform.tfvars');
  t.equal(config.function.logGroupName, '/aws/lambda/from-auto-json', 'locals derive from it');
  t.equal(config.function.timeoutSeconds, 7, 'TF_VAR_ still beats the default');
  await writeFile(join(dir, 'terraform.tfvars'), 'memory_size = "lots"\n');
  await t.rejects(
    loadStackConfig(dir, {}),
    /Invalid value for input variable[\s\S]*a number is required/,
    "Terraform's own message for a word that is not a number",
  );
});
