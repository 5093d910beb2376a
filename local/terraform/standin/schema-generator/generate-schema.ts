// Generates ../schema/aws.json and archive.json: the provider schemas of hashicorp/aws and
// hashicorp/archive in the format of `terraform providers schema -json` (format_version
// 1.0), for the resource and data source types this project uses (targets.ts lists them).
//
// Why: the local Terraform run works offline against the stand-in providers, which must
// accept and reject exactly what the real providers do. The real provider binaries cannot
// be downloaded here; the npm registry can be reached. The published CDK bindings of the
// providers (@cdktn/provider-aws, @cdktf/provider-archive) are generated from the
// providers' own schemas, so the schemas can be read back out of them:
//   - lib/<type>/index.js (binding-source.ts) gives each field's computed / optional /
//     required flags, which names are blocks, their nesting, the attribute types, and
//     whether a block holds at most one item; computed-only attributes' types come from
//     their getters (attribute-types.ts);
//   - .jsii (jsii.ts) gives the descriptions and a cross-check of required vs optional.
// What the bindings do not carry: validation, defaults, ForceNew, sensitive, deprecation,
// schema versions. The few facts that must come from elsewhere are in targets.ts
// (PROVIDER_BLOCK_MAX_ITEMS, SCHEMA_VERSIONS) and hand-derived.ts.
//
//   node --import tsx local/terraform/standin/schema-generator/generate-schema.ts [--out DIR] [--pkg NAME=PACKAGE@VERSION]
//
// Needs Node >= 20, `npm` and `tar` on PATH and the npm registry; downloads the packages
// with `npm pack` into a temporary folder and removes it afterwards. Running it twice gives
// byte-identical files. For comparisons (the committed files use the defaults):
//   --out DIR                             write the JSON files into DIR instead
//   --pkg aws=@cdktn/provider-aws@24.1.0  use another bindings package for a provider
// ../schema/PROVENANCE.md says which versions and why.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProviderSchema } from './build-provider.js';
import { HAND_DERIVED_BLOCKS } from './hand-derived.js';
import { PROVIDER_TARGETS, type ProviderTarget } from './targets.js';

const DEFAULT_OUT = fileURLToPath(new URL('../schema/', import.meta.url));

interface Arguments {
  readonly out: string;
  /** Other bindings packages, by provider name. */
  readonly packages: ReadonlyMap<string, Pick<ProviderTarget, 'bindingPackage' | 'bindingVersion' | 'generatedFrom'>>;
}

function parseArguments(argv: readonly string[]): Arguments {
  let out = DEFAULT_OUT;
  const packages = new Map<string, Pick<ProviderTarget, 'bindingPackage' | 'bindingVersion' | 'generatedFrom'>>();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') {
      const folder = argv[++i];
      if (!folder) throw new Error('--out wants a folder');
      out = resolve(folder);
    } else if (argv[i] === '--pkg') {
      const spec = argv[++i]?.match(/^(\w+)=(@?[^@]+)@(.+)$/);
      if (!spec) throw new Error('--pkg wants NAME=PACKAGE@VERSION');
      packages.set(spec[1]!, { bindingPackage: spec[2]!, bindingVersion: spec[3]!, generatedFrom: null });
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { out, packages };
}

/** Object keys sorted at every level; arrays (cty types) keep their order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, sortKeys(record[key])]),
    );
  }
  return value;
}

function generate(args: Arguments): void {
  const tmp = mkdtempSync(join(tmpdir(), 'provider-schema-'));
  const handDerivedUsed = new Set<string>();
  try {
    mkdirSync(args.out, { recursive: true });
    for (const target of PROVIDER_TARGETS) {
      const schema = buildProviderSchema({ ...target, ...args.packages.get(target.name) }, tmp, handDerivedUsed);
      const file = join(args.out, `${target.name}.json`);
      writeFileSync(file, `${JSON.stringify(sortKeys(schema), null, 2)}\n`);
      console.log(`  wrote ${relative(process.cwd(), file)} (${statSync(file).size} bytes)`);
    }
    const unused = [...HAND_DERIVED_BLOCKS.keys()].filter((where) => !handDerivedUsed.has(where));
    if (unused.length) throw new Error(`hand-derived blocks not found in the bindings: ${unused.join(', ')}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    generate(parseArguments(process.argv.slice(2)));
  } catch (error) {
    process.stderr.write(`generate-schema: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
