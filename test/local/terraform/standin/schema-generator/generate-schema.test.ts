// The schema generator writes the provider schemas the stand-in serves
// (local/terraform/standin/schema/), read out of the published CDK bindings. Run into a
// temporary folder, it must write exactly what is committed, byte for byte, with the facts
// the stand-in relies on. Needs the npm registry (npm pack), like lambda-deps: the full tier only.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { needsRegistry } from '../../../../helpers/registry.js';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const script = join(root, 'local/terraform/standin/schema-generator/generate-schema.ts');
const committed = join(root, 'local/terraform/standin/schema');
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8' });

interface Block {
  readonly attributes?: Record<string, { type?: unknown; required?: boolean; optional?: boolean; computed?: boolean }>;
  readonly block_types?: Record<string, { nesting_mode: string; min_items?: number; max_items?: number; block: Block }>;
}
interface ProviderSchema {
  readonly provider: { block: Block };
  readonly resource_schemas: Record<string, { version: number; block: Block }>;
  readonly data_source_schemas: Record<string, { version: number; block: Block }>;
}
interface SchemaFile {
  readonly format_version: string;
  readonly provider_schemas: Record<string, ProviderSchema>;
}

const readSchema = async (dir: string, name: string): Promise<SchemaFile> =>
  JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as SchemaFile;

t.test('arguments it does not know are refused before anything is downloaded', async (t) => {
  const unknown = run(['--bogus']);
  t.not(unknown.status, 0);
  t.match(unknown.stderr, 'unknown argument --bogus');
  const badPackage = run(['--pkg', 'aws']);
  t.not(badPackage.status, 0);
  t.match(badPackage.stderr, '--pkg wants NAME=PACKAGE@VERSION');
});

t.test('run into a folder of its own, it writes the committed schemas', async (t) => {
  if (!needsRegistry(t)) return; // npm pack of the bindings
  const out = await mkdtemp(join(tmpdir(), 'provider-schema-'));
  t.teardown(() => rm(out, { recursive: true, force: true }));
  const result = run(['--out', out]);
  t.equal(result.status, 0, `exit status${result.status === 0 ? '' : `: ${result.stderr.slice(-400)}`}`);
  t.match(result.stdout, /providerVersion: \d+\.\d+\.\d+/, 'it names the provider version the bindings were made from');

  for (const [name, source] of [
    ['aws', 'registry.terraform.io/hashicorp/aws'],
    ['archive', 'registry.terraform.io/hashicorp/archive'],
  ] as const) {
    t.equal(
      await readFile(join(out, `${name}.json`), 'utf8'),
      await readFile(join(committed, `${name}.json`), 'utf8'),
      `${name}.json: the committed bytes`,
    );
    const written = await readSchema(out, name);
    const ours = await readSchema(committed, name);
    t.equal(written.format_version, '1.0', `${name}: terraform providers schema -json's format`);
    t.same(Object.keys(written.provider_schemas), [source], `${name}: one provider, by its source address`);
    const [mine, theirs] = [written.provider_schemas[source]!, ours.provider_schemas[source]!];
    t.same(mine.provider, theirs.provider, `${name}: the provider block as committed`);
    for (const kind of ['resource_schemas', 'data_source_schemas'] as const) {
      for (const [type, schema] of Object.entries(mine[kind]))
        t.same(schema, theirs[kind][type], `${type} as committed`);
      t.same(Object.keys(mine[kind]).sort(), Object.keys(theirs[kind]).sort(), `${name}: every ${kind} type committed`);
    }
  }

  // What the stand-in's validation leans on, read from the bindings.
  const aws = (await readSchema(out, 'aws')).provider_schemas['registry.terraform.io/hashicorp/aws']!;
  const lambda = aws.resource_schemas.aws_lambda_function!.block;
  t.match(lambda.attributes!.function_name, { required: true, type: 'string' });
  t.match(lambda.attributes!.role, { required: true, type: 'string' });
  t.match(lambda.attributes!.arn, { computed: true, type: 'string' });
  t.notOk(lambda.attributes!.arn!.optional, 'arn is computed only');
  t.match(lambda.block_types!.environment, { nesting_mode: 'list', max_items: 1 }, 'a single block: no listMapper');
  t.match(aws.resource_schemas.aws_apigatewayv2_api!.block.block_types!.cors_configuration, {
    nesting_mode: 'list',
    max_items: 1,
    block: { attributes: { allow_origins: { optional: true, type: ['set', 'string'] } } },
  });
  const statement = aws.data_source_schemas.aws_iam_policy_document!.block.block_types!.statement!;
  t.equal(statement.max_items, undefined, 'a policy holds any number of statements');
  t.same(Object.keys(statement.block.block_types!).sort(), ['condition', 'not_principals', 'principals']);
  const provider = aws.provider.block.block_types!;
  t.equal(provider.default_tags!.max_items, 1, 'provider blocks take max_items from the script’s own table');
  t.equal(provider.assume_role!.max_items, undefined, 'assume_role chains');
  t.equal(provider.endpoints!.nesting_mode, 'set');
  // The web ACL's rule statement, which the bindings type `any`: served as the provider's
  // source declares it (internal/service/wafv2/schemas.go and web_acl.go), as far as
  // PROVENANCE.md says. A set block (rule) holding a dynamic attribute is a schema
  // Terraform refuses ("NestingSet blocks may not contain attributes of cty.DynamicPseudoType").
  const rule = aws.resource_schemas.aws_wafv2_web_acl!.block.block_types!.rule!;
  t.equal(rule.nesting_mode, 'set', 'rule is a set of blocks');
  const dynamicIn = (block: Block): string[] => [
    ...Object.entries(block.attributes ?? {})
      .filter(([, attribute]) => JSON.stringify(attribute.type).includes('dynamic'))
      .map(([name]) => name),
    ...Object.entries(block.block_types ?? {}).flatMap(([name, type]) =>
      dynamicIn(type.block).map((inner) => `${name}.${inner}`),
    ),
  ];
  t.same(dynamicIn(rule.block), [], 'no dynamic attribute anywhere in a rule');
  const ruleStatement = rule.block.block_types!.statement!;
  t.match(
    ruleStatement,
    { nesting_mode: 'list', min_items: 1, max_items: 1 },
    'webACLRootStatementSchema: Required, MaxItems 1',
  );
  const rateBased = ruleStatement.block.block_types!.rate_based_statement!;
  t.match(rateBased, { nesting_mode: 'list', max_items: 1 }, 'rateBasedStatementSchema: Optional, MaxItems 1');
  t.equal(rateBased.min_items, undefined, 'and optional');
  t.same(rateBased.block.attributes, {
    aggregate_key_type: { type: 'string', optional: true, description_kind: 'plain' },
    evaluation_window_sec: { type: 'number', optional: true, description_kind: 'plain' },
    limit: { type: 'number', required: true, description_kind: 'plain' },
  });
  t.match(rateBased.block.block_types!.forwarded_ip_config, {
    nesting_mode: 'list',
    max_items: 1,
    block: { attributes: { fallback_behavior: { required: true }, header_name: { required: true } } },
  });
  const scopeDown = rateBased.block.block_types!.scope_down_statement!;
  t.match(scopeDown, { nesting_mode: 'list', max_items: 1 }, 'scopeDownStatementSchema: Optional, MaxItems 1');
  t.same(
    [scopeDown.block.attributes, scopeDown.block.block_types],
    [undefined, undefined],
    'where the derivation stops',
  );

  const archive = (await readSchema(out, 'archive')).provider_schemas['registry.terraform.io/hashicorp/archive']!;
  t.match(archive.data_source_schemas.archive_file!.block.attributes!.output_base64sha256, {
    computed: true,
    type: 'string',
  });
});
