// What Terraform itself does not check: that every variable and output is documented,
// that the lock file matches the providers the configuration asks for, that the
// stand-in's schema covers every type the .tf files use, and that the handler Terraform
// deploys is what build.mjs writes. The deployment contract is test/terraform/*.tftest.hcl,
// run by `make validate`.
import t from 'tap';
import { parse } from '@cdktf/hcl2json';
import { unzipSync } from 'fflate';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORIGIN_HEADER, ORIGIN_SECRET_ENV } from '../../lambda/http/origin-guard.js';
import { sharedStackConfig } from '../helpers/shared-plan.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

type Blocks = Record<string, Record<string, unknown>[]>;
interface TfFile {
  locals?: Record<string, unknown>[];
  variable?: Blocks;
  output?: Blocks;
  resource?: Record<string, Blocks>;
  data?: Record<string, Blocks>;
  terraform?: { required_providers?: Record<string, { source: string; version: string }>[] }[];
}

const tfFiles = (await readdir(root)).filter((file) => file.endsWith('.tf')).sort();
const parsed: TfFile[] = await Promise.all(
  tfFiles.map(async (file) => (await parse(file, await readFile(join(root, file), 'utf8'))) as TfFile),
);
const merged = <K extends 'variable' | 'output'>(kind: K): [string, Record<string, unknown>][] =>
  parsed.flatMap((file) =>
    Object.entries((file[kind] ?? {}) as Blocks).map(([name, blocks]): [string, Record<string, unknown>] => [
      name,
      blocks[0]!,
    ]),
  );

t.test('every variable is typed, described and defaulted', async (t) => {
  const variables = merged('variable');
  t.ok(variables.length >= 10);
  for (const [name, variable] of variables) {
    t.type(variable.type, 'string', `${name}: type`);
    t.ok(typeof variable.description === 'string' && variable.description.length > 10, `${name}: a real description`);
    t.ok(Object.hasOwn(variable, 'default'), `${name}: default`);
  }
});

t.test('every output is described', async (t) => {
  const outputs = merged('output');
  t.ok(outputs.length >= 9);
  for (const [name, output] of outputs)
    t.ok(typeof output.description === 'string' && output.description.length > 10, `${name}: description`);
});

t.test('the lock file covers every required provider with matching constraints', async (t) => {
  const lock = (await parse('.terraform.lock.hcl', await readFile(join(root, '.terraform.lock.hcl'), 'utf8'))) as {
    provider: Record<string, [{ version: string; constraints: string; hashes: string[] }]>;
  };
  const required = parsed
    .flatMap((file) => file.terraform ?? [])
    .flatMap((block) => block.required_providers ?? [])[0]!;
  t.same(
    Object.keys(lock.provider).sort(),
    Object.values(required)
      .map((p) => `registry.terraform.io/${p.source}`)
      .sort(),
  );
  for (const { source, version } of Object.values(required)) {
    const [entry] = lock.provider[`registry.terraform.io/${source}`]!;
    t.equal(entry.constraints, version, `${source} constraints = required_providers version`);
    const [major, minor] = version.replace('~> ', '').split('.').map(Number);
    const [lockMajor, lockMinor] = entry.version.split('.').map(Number);
    t.ok(lockMajor === major && lockMinor! >= minor!, `${source} ${entry.version} satisfies ${version}`);
    t.ok(
      entry.hashes.some((h) => /^zh:[0-9a-f]{64}$/.test(h)),
      `${source} has zh: hashes`,
    );
    t.ok(
      entry.hashes.every((h) => /^(zh:[0-9a-f]{64}|h1:[A-Za-z0-9+/]{43}=)$/.test(h)),
      'every hash well-formed',
    );
  }
});

// The hashes were found identical in two independent public lock files
// (test/fixtures/terraform/README.md names them); the lock file must be them, byte for byte.
const crossChecked = join(root, 'test', 'fixtures', 'terraform', 'cross-checked.lock.hcl');
/** Each `provider "…" { … }` block of a lock file, by address, as written. */
const lockBlocks = (text: string): Record<string, string> =>
  Object.fromEntries(
    [...text.matchAll(/^provider "([^"]+)" \{\n[\s\S]*?^\}$/gm)].map((match) => [match[1]!, match[0]]),
  );
t.test('every provider in the lock file is the cross-checked entry, byte for byte', async (t) => {
  const ours = lockBlocks(await readFile(join(root, '.terraform.lock.hcl'), 'utf8'));
  const theirs = lockBlocks(await readFile(crossChecked, 'utf8'));
  t.same(Object.keys(ours).sort(), Object.keys(theirs).sort(), 'the same providers');
  for (const [address, block] of Object.entries(ours)) t.equal(block, theirs[address], address);
  const count = (address: string, prefix: string): number =>
    (theirs[address]?.match(new RegExp(`"${prefix}:`, 'g')) ?? []).length;
  // As the fixture's README records them: a line added or dropped there shows here too.
  t.same(
    [count('registry.terraform.io/hashicorp/aws', 'h1'), count('registry.terraform.io/hashicorp/aws', 'zh')],
    [14, 15],
    'aws: 14 h1: and 15 zh: lines',
  );
  t.same(
    [count('registry.terraform.io/hashicorp/archive', 'h1'), count('registry.terraform.io/hashicorp/archive', 'zh')],
    [1, 12],
    'archive: 1 h1: and 12 zh: lines',
  );
});

t.test("the stand-in's schema has every resource and data source type the .tf files use", async (t) => {
  const schemas = await Promise.all(
    ['aws', 'archive'].map(async (name) => {
      const json = JSON.parse(await readFile(join(root, `local/terraform/standin/schema/${name}.json`), 'utf8')) as {
        provider_schemas: Record<string, { resource_schemas: object; data_source_schemas: object }>;
      };
      return json.provider_schemas[`registry.terraform.io/hashicorp/${name}`]!;
    }),
  );
  const resourceTypes = new Set(schemas.flatMap((s) => Object.keys(s.resource_schemas)));
  const dataTypes = new Set(schemas.flatMap((s) => Object.keys(s.data_source_schemas)));
  const used = parsed.flatMap((file) => [
    ...Object.keys(file.resource ?? {}).map((type) => ['resource', type] as const),
    ...Object.keys(file.data ?? {}).map((type) => ['data', type] as const),
  ]);
  t.ok(used.length >= 10, 'the .tf files were read');
  // terraform_data is Terraform's own (terraform.io/builtin/terraform): no provider serves it.
  for (const [kind, type] of used.filter(([, type]) => type !== 'terraform_data')) {
    t.ok((kind === 'resource' ? resourceTypes : dataTypes).has(type), `${kind} ${type} is in the schema`);
  }
});

t.test('the function has no managed policies: only its own inline log policy', async (t) => {
  const resourceTypes = parsed.flatMap((file) => Object.keys(file.resource ?? {}));
  t.notOk(resourceTypes.includes('aws_iam_role_policy_attachment'), 'no policy attachments');
  for (const file of tfFiles) t.notMatch(await readFile(join(root, file), 'utf8'), /AWSLambdaBasicExecutionRole/, file);
});

t.test('the handler Terraform deploys is a file and export in the zip build.mjs writes', async (t) => {
  const config = await sharedStackConfig();
  t.equal(
    config.function.code,
    join(root, 'build/lambda.zip'),
    'the function uploads the zip Terraform writes of build/lambda',
  );
  const [file, exportName] = config.function.handler.split('.');
  const files = unzipSync(await readFile(config.function.code));
  t.ok(files[`${file}.mjs`], `${file}.mjs is in the zip`);
  const dir = await mkdtemp(join(tmpdir(), 'handler-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, `${file}.mjs`), files[`${file}.mjs`]!);
  const bundle = (await import(join(dir, `${file}.mjs`))) as Record<string, unknown>;
  t.type(bundle[exportName!], 'function', `${file}.mjs exports ${exportName}`);
});

t.test("the CDN's secret header and variable are the names the function reads", async (t) => {
  // edge.tf gives CloudFront the header and the function the variable; origin-guard.ts reads
  // them. test/terraform/edge.tftest.hcl plans both by name, so the three must agree.
  const locals = Object.assign({}, ...parsed.flatMap((file) => file.locals ?? [])) as Record<string, unknown>;
  t.equal(locals.origin_header, ORIGIN_HEADER, 'the header CloudFront sends');
  t.match(
    String(locals.function_environment),
    new RegExp(`\\{ ${ORIGIN_SECRET_ENV} = `),
    "the variable the function's environment gets",
  );
  const planned = await readFile(join(root, 'test/terraform/edge.tftest.hcl'), 'utf8');
  t.match(planned, new RegExp(`custom_header\\)\\.name == "${ORIGIN_HEADER}"`), 'the header the plan test expects');
  t.match(planned, new RegExp(`variables\\.${ORIGIN_SECRET_ENV}\\b`), 'the variable the plan test reads');
  t.match(
    await readFile(join(root, 'scripts/rotate-origin-secret.sh'), 'utf8'),
    new RegExp(`\\(${ORIGIN_HEADER}\\)`),
    'the header the rotation script names',
  );
});
