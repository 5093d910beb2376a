#!/usr/bin/env node
// Generates local/terraform/standin/schema/aws.json: the provider schema of
// hashicorp/aws, in the format of `terraform providers schema -json`
// (format_version 1.0), for the resource and data source types this project uses.
//
// Why: the local Terraform run works offline against a stand-in provider, and that
// stand-in must accept and reject exactly what the real providers do. The real
// provider binaries cannot be downloaded here; only the npm registry is reachable.
// The published CDK bindings of the provider (@cdktn/provider-aws) are
// generated from the provider's own schema, so the
// schema can be read back out of them:
//   - lib/<type>/index.js carries the generator's TypeScript source as an inline
//     source map. Per attribute it has a comment
//     `// name - computed: X, optional: Y, required: Z` (the schema's own flags),
//     `synthesizeHclAttributes()` / `<struct>ToHclTerraform()` say which names are
//     blocks, their nesting (list | set | struct = single), the attribute types
//     (`storageClassType` stringList / stringMap / number ...), and whether a block
//     is a single item (max_items 1: no `listMapperHcl`). Computed-only attributes
//     have no setter; their type comes from the getter (getStringAttribute, ...).
//   - .jsii gives the descriptions and a cross-check of required vs optional.
// What the bindings do not carry: validation, defaults, ForceNew, sensitive,
// deprecation, schema versions. The few facts that must come from elsewhere are the
// constants PROVIDER_BLOCK_MAX_ITEMS and SCHEMA_VERSIONS below.
//
// Rerun: node scripts/provider-schema.mjs
//   needs Node >= 20, `npm` and `tar` on PATH and the npm registry; downloads the
//   packages with `npm pack` into a temporary directory and removes it afterwards.
// Options (for comparisons; the committed files use the defaults):
//   --out DIR                          write the JSON files into DIR instead
//   --pkg aws=@cdktn/provider-aws@24.1.0  use another binding package for a provider
// See local/terraform/standin/schema/PROVENANCE.md for the versions and why they were chosen.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------
// What to generate. Add a type name here and rerun to extend the schema.
// ---------------------------------------------------------------------------
const PROVIDERS = [
  {
    name: 'aws',
    source: 'registry.terraform.io/hashicorp/aws',
    package: '@cdktn/provider-aws',
    packageVersion: '25.5.0',
    // The provider version the package says it was generated from (checked).
    generatedFrom: '6.64.0',
    resources: [
      'aws_acm_certificate',
      'aws_acm_certificate_validation',
      'aws_apigatewayv2_api',
      'aws_apigatewayv2_api_mapping',
      'aws_apigatewayv2_domain_name',
      'aws_apigatewayv2_integration',
      'aws_apigatewayv2_route',
      'aws_apigatewayv2_stage',
      'aws_cloudfront_cache_policy',
      'aws_cloudfront_distribution',
      'aws_cloudwatch_dashboard',
      'aws_cloudwatch_log_group',
      'aws_cloudwatch_log_metric_filter',
      'aws_cloudwatch_metric_alarm',
      'aws_iam_role',
      'aws_iam_role_policy',
      'aws_lambda_alias',
      'aws_lambda_function',
      'aws_lambda_permission',
      'aws_route53_record',
      'aws_wafv2_web_acl',
    ],
    dataSources: ['aws_caller_identity', 'aws_iam_policy_document', 'aws_partition', 'aws_region', 'aws_route53_zone'],
  },
  {
    name: 'archive',
    source: 'registry.terraform.io/hashicorp/archive',
    package: '@cdktf/provider-archive',
    packageVersion: '11.0.1',
    generatedFrom: '2.7.1',
    resources: [],
    dataSources: ['archive_file'],
  },
];

// Provider configuration blocks are always arrays in the bindings, so their
// max_items cannot be read from them. From the provider source (internal/provider):
// default_tags, ignore_tags and assume_role_with_web_identity are TypeList MaxItems 1;
// assume_role has no MaxItems since role chaining (aws 5.67); endpoints is a set.
const PROVIDER_BLOCK_MAX_ITEMS = {
  aws: { default_tags: 1, ignore_tags: 1, assume_role_with_web_identity: 1 },
};

// Resource schema versions are not in the bindings. All types above are at 0 except
// these (SDKv2 SchemaVersion in the provider source). Checked in the source for the types
// of the first deployment and for aws_cloudfront_distribution, aws_route53_record and
// aws_wafv2_web_acl (0); the other production-edge types are taken as 0 unchecked, which
// matters only to the stand-in's own state.
const SCHEMA_VERSIONS = {
  aws_cloudfront_distribution: 1,
  aws_cloudwatch_metric_alarm: 1,
  aws_route53_record: 2,
};

// Where the provider nests a block recursively (WAFv2's rule `statement`: and/or/not
// statements holding statements, several levels deep), the bindings stop describing it and
// type it `any`, with the stock docs "<name> block". A dynamic attribute inside a set block
// is a schema Terraform refuses, so such a block is served as HAND_DERIVED_BLOCKS has it, or
// else as what the bindings can vouch for: a block with no known content (offline, Terraform
// then refuses any content written in it).
function isUndescribedBlock(h, jsiiProp) {
  return h?.storageClassType === 'any' && h.type === 'simple' && jsiiProp?.blockDocs === true;
}

// The part of such a block this project writes, hand-derived from the provider's Go source
// (terraform-provider-aws, internal/service/wafv2/; PROVENANCE.md names the commit), keyed by
// its path. Only what the project's rule needs, each field as the source declares it:
//   web_acl.go: rule's "statement" is webACLRootStatementSchema(webACLRootStatementSchemaLevel);
//   schemas.go, webACLRootStatementSchema: TypeList, Required, MaxItems 1, whose
//     "rate_based_statement" is rateBasedStatementSchema(level): TypeList, Optional, MaxItems 1:
//       "limit": TypeInt, Required;
//       "aggregate_key_type": TypeString, Optional (Default IP);
//       "evaluation_window_sec": TypeInt, Optional (Default 300);
//       "forwarded_ip_config": forwardedIPConfigSchema(): TypeList, Optional, MaxItems 1, of
//         "fallback_behavior" and "header_name", TypeString, Required;
//       "scope_down_statement": scopeDownStatementSchema(level - 1): TypeList, Optional,
//         MaxItems 1, a statement again. The derivation stops there: it is served with no
//         known content, as the undescribed blocks are.
// Not served, though the provider has them: the statement's other kinds (and, or, not,
// byte_match, geo_match, ip_set_reference, label_match, managed_rule_group, regex_match,
// regex_pattern_set_reference, rule_group_reference, size_constraint, sqli_match, xss_match,
// asn_match) and rate_based_statement's custom_key. Offline, Terraform refuses them.
// Defaults, validation (limit 10..2000000000, the window 60/120/300/600) are not in a
// schema's JSON, as for every other type here.
// Each entry must be used: a path the bindings no longer type `any` fails the run.
const HAND_DERIVED_USED = new Set();
const UNDESCRIBED_STOP = {
  nesting_mode: 'list',
  max_items: 1,
  block: {
    description: 'Not served: the hand-derived part of this schema stops here (PROVENANCE.md).',
    description_kind: 'plain',
  },
};
const HAND_DERIVED_BLOCKS = {
  'aws_wafv2_web_acl.rule.statement': {
    nesting_mode: 'list',
    min_items: 1,
    max_items: 1,
    block: {
      description_kind: 'plain',
      block_types: {
        rate_based_statement: {
          nesting_mode: 'list',
          max_items: 1,
          block: {
            description_kind: 'plain',
            attributes: {
              aggregate_key_type: { type: 'string', optional: true, description_kind: 'plain' },
              evaluation_window_sec: { type: 'number', optional: true, description_kind: 'plain' },
              limit: { type: 'number', required: true, description_kind: 'plain' },
            },
            block_types: {
              forwarded_ip_config: {
                nesting_mode: 'list',
                max_items: 1,
                block: {
                  description_kind: 'plain',
                  attributes: {
                    fallback_behavior: { type: 'string', required: true, description_kind: 'plain' },
                    header_name: { type: 'string', required: true, description_kind: 'plain' },
                  },
                },
              },
              scope_down_statement: UNDESCRIBED_STOP,
            },
          },
        },
      },
    },
  },
};

// The bindings add meta-arguments to the provider config that are not in the schema.
const PROVIDER_META_ARGUMENTS = new Set(['alias']);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = path.join(ROOT, 'local', 'terraform', 'standin', 'schema');

// ---------------------------------------------------------------------------
// Download and unpack
// ---------------------------------------------------------------------------

function packAndExtract(tmp, spec, libDirs) {
  const out = execFileSync('npm', ['pack', spec, '--pack-destination', tmp, '--silent'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tgz = path.join(tmp, out.trim().split('\n').pop());
  const dir = path.join(tmp, path.basename(tgz, '.tgz'));
  fs.mkdirSync(dir);
  const members = ['package/.jsii', 'package/README.md', ...libDirs.map((d) => `package/lib/${d}/index.js`)];
  execFileSync('tar', ['-xzf', tgz, '-C', dir, ...members]);
  fs.rmSync(tgz);
  return path.join(dir, 'package');
}

// The library directory of a type: lib/data-aws-region for data source aws_region, lib/lambda-function for
// aws_lambda_function.
function libDir(providerName, typeName, isData) {
  const kebab = (s) => s.replace(/_/g, '-');
  if (isData) return `data-${kebab(typeName)}`;
  return kebab(typeName.startsWith(`${providerName}_`) ? typeName.slice(providerName.length + 1) : typeName);
}

// ---------------------------------------------------------------------------
// Reading the generated source
// ---------------------------------------------------------------------------

// The generator's TypeScript, from the inline source map (it keeps every comment);
// the compiled JavaScript if there is no source map.
function readSource(file) {
  const js = fs.readFileSync(file, 'utf8');
  const m = js.match(/\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/);
  if (!m) return js;
  const map = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
  return map.sourcesContent?.[0] ?? js;
}

// Top-level classes and functions, by name, with their text.
function splitDeclarations(src) {
  const re = /^(?:export )?(class|function|interface) (\w+)/gm;
  const starts = [...src.matchAll(re)];
  const decls = { class: {}, function: {}, interface: {} };
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : src.length;
    decls[m[1]][m[2]] = src.slice(m.index, end);
  });
  return decls;
}

// The attributes object of a *ToHclTerraform function or of synthesizeHclAttributes:
// name -> { value, isBlock, type, storageClassType }.
function parseHclAttrs(text) {
  const re =
    /(\w+): \{\s*value: ([^\n]*),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",?\s*\}/g;
  const attrs = {};
  for (const m of text.matchAll(re)) {
    attrs[m[1]] = { value: m[2], isBlock: m[3] === 'true', type: m[4], storageClassType: m[5] };
  }
  return attrs;
}

function synthesizeHclBody(classText) {
  const i = classText.indexOf('synthesizeHclAttributes()');
  if (i < 0) throw new Error('no synthesizeHclAttributes() in class');
  return classText.slice(i);
}

// The schema fields of a class, in order: each `// name - computed: ..` comment and
// the code up to the next one.
function parseFields(classText) {
  const re = /\/\/ (\w+) - computed: (true|false), optional: (true|false), required: (true|false)\n/g;
  const marks = [...classText.matchAll(re)];
  return marks.map((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].index : classText.length;
    const code = classText.slice(m.index + m[0].length, end);
    const complex = code.match(/= new (\w+)\(this, "\w+"(?:, (true|false))?\)/);
    const getter = code.match(/get \w+\(\)[^{]*\{\s*return ([^;]+);/);
    return {
      name: m[1],
      computed: m[2] === 'true',
      optional: m[3] === 'true',
      required: m[4] === 'true',
      complexClass: complex?.[1],
      wrapsSet: complex?.[2] === 'true',
      getter: getter?.[1].trim(),
    };
  });
}

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

const PRIMITIVES = { string: 'string', number: 'number', boolean: 'bool', any: 'dynamic' };

// Type of a settable attribute, from its HCL description.
function typeFromHcl(h, where) {
  if (h.type === 'simple' && PRIMITIVES[h.storageClassType]) return PRIMITIVES[h.storageClassType];
  const m = h.storageClassType.match(/^(string|number|boolean|any)(List|Map)$/);
  if (m && ['list', 'set', 'map'].includes(h.type)) {
    if ((h.type === 'map') !== (m[2] === 'Map')) throw new Error(`${where}: type ${h.type} vs ${h.storageClassType}`);
    return [h.type, PRIMITIVES[m[1]]];
  }
  throw new Error(`${where}: cannot map attribute type ${h.type}/${h.storageClassType}`);
}

// Type of a computed-only attribute, from its getter.
function typeFromGetter(field, decls, where) {
  if (field.complexClass) return complexType(field, decls, where);
  const g = field.getter ?? '';
  const tolist = /Fn\.tolist\(/.test(g);
  const simple = {
    getStringAttribute: 'string',
    getNumberAttribute: 'number',
    getBooleanAttribute: 'bool',
    getListAttribute: [tolist ? 'set' : 'list', 'string'],
    getNumberListAttribute: [tolist ? 'set' : 'list', 'number'],
    getBooleanListAttribute: [tolist ? 'set' : 'list', 'bool'],
    getStringMapAttribute: ['map', 'string'],
    getNumberMapAttribute: ['map', 'number'],
    getBooleanMapAttribute: ['map', 'bool'],
    getAnyMapAttribute: ['map', 'dynamic'],
    interpolationForAttribute: 'dynamic',
  };
  const m = g.match(/this\.(\w+)\(/);
  if (m && simple[m[1]]) return simple[m[1]];
  throw new Error(`${where}: cannot derive type from getter "${g}"`);
}

// list/set/object of a computed nested object (a *List or *OutputReference class).
function complexType(field, decls, where) {
  const cls = field.complexClass;
  const simpleMaps = {
    StringMap: ['map', 'string'],
    NumberMap: ['map', 'number'],
    BooleanMap: ['map', 'bool'],
    AnyMap: ['map', 'dynamic'],
  };
  const bare = cls.replace(/^cdkt[fn]\./, '');
  if (simpleMaps[bare]) return simpleMaps[bare];
  const base = cls.replace(/(List|OutputReference)$/, '');
  const objClass = decls.class[`${base}OutputReference`];
  if (!objClass) throw new Error(`${where}: no class ${base}OutputReference`);
  const attrs = {};
  for (const f of parseFields(objClass)) attrs[f.name] = typeFromGetter(f, decls, `${where}.${f.name}`);
  const obj = ['object', attrs];
  if (cls.endsWith('OutputReference')) return obj;
  return [field.wrapsSet ? 'set' : 'list', obj];
}

// ---------------------------------------------------------------------------
// Descriptions from .jsii
// ---------------------------------------------------------------------------

// Index of the jsii struct types by source file and name.
function indexJsii(jsiiFile) {
  const jsii = JSON.parse(fs.readFileSync(jsiiFile, 'utf8'));
  const index = {};
  for (const t of Object.values(jsii.types)) {
    const file = t.locationInModule?.filename;
    if (!file) continue;
    (index[file] ??= {})[t.name] = t;
  }
  return index;
}

// Terraform name -> { description, optional } of a jsii struct's properties.
function jsiiProps(structType) {
  const props = {};
  for (const p of structType?.properties ?? []) {
    const docs = `${p.docs?.summary ?? ''} ${p.docs?.remarks ?? ''}`;
    const m = docs.match(/#(\w+) \w+#\w+\}/);
    if (!m) continue;
    props[m[1]] = {
      description: cleanDescription(p.docs?.summary),
      optional: !!p.optional,
      array: isArrayType(p.type),
      blockDocs: p.docs?.summary === `${m[1]} block.`,
    };
  }
  return props;
}

function isArrayType(t) {
  if (t?.collection?.kind === 'array') return true;
  return (t?.union?.types ?? []).some((u) => u.collection?.kind === 'array');
}

// The provider's own description, first sentence; nothing for the bindings' stock text.
function cleanDescription(summary) {
  if (!summary) return undefined;
  if (/^Docs at Terraform Registry/.test(summary) || / block\.$/.test(summary)) return undefined;
  const s = summary.replace(/\s+/g, ' ').trim();
  const first = s.match(/^.*?[.!?](?=\s+[A-Z(]|$)/);
  return first ? first[0] : s;
}

// ---------------------------------------------------------------------------
// Building the schema
// ---------------------------------------------------------------------------

// A BLOCK for the class `className`, whose settable fields are `hcl` and whose jsii
// struct is `struct`. `ctx` = { decls, jsiiFile, jsii, where, providerBlocks }.
function buildBlock(className, hcl, structName, ctx) {
  const jsii = jsiiProps(ctx.jsii[ctx.jsiiFile]?.[structName]);
  const block = { attributes: {}, block_types: {}, description_kind: 'plain' };
  const fields = schemaFields(className, hcl, jsii, ctx).filter(
    (f) => !(ctx.isProvider && PROVIDER_META_ARGUMENTS.has(f.name)),
  );
  const seen = new Set();
  for (const f of fields) {
    seen.add(f.name);
    const where = `${ctx.where}.${f.name}`;
    const h = hcl[f.name];
    checkAgainstJsii(f, h, jsii[f.name], where);
    if (h?.isBlock) block.block_types[f.name] = buildBlockType(f, h, { ...ctx, where });
    else if (isUndescribedBlock(h, jsii[f.name]) && HAND_DERIVED_BLOCKS[where]) {
      block.block_types[f.name] = structuredClone(HAND_DERIVED_BLOCKS[where]);
      HAND_DERIVED_USED.add(where);
    } else if (isUndescribedBlock(h, jsii[f.name])) {
      block.block_types[f.name] = {
        nesting_mode: 'list',
        block: {
          description: 'Not described by the provider bindings this schema is generated from.',
          description_kind: 'plain',
        },
      };
    } else block.attributes[f.name] = buildAttribute(f, h, jsii[f.name], ctx.decls, where);
  }
  for (const name of Object.keys(hcl)) {
    if (!seen.has(name) && !(ctx.isProvider && PROVIDER_META_ARGUMENTS.has(name))) {
      throw new Error(`${ctx.where}.${name}: settable but has no schema comment`);
    }
  }
  if (!Object.keys(block.block_types).length) delete block.block_types;
  if (!Object.keys(block.attributes).length) delete block.attributes;
  return block;
}

// The fields of a block. Nested provider blocks have no class, only a struct: their
// fields are the settable ones, required as the jsii struct says (a provider
// configuration has no computed attributes).
function schemaFields(className, hcl, jsii, ctx) {
  const classText = ctx.decls.class[className];
  if (classText) return parseFields(classText);
  if (!ctx.isProvider) throw new Error(`${ctx.where}: no class ${className}`);
  return Object.keys(hcl).map((name) => {
    if (!jsii[name]) throw new Error(`${ctx.where}.${name}: not in the jsii struct`);
    const optional = jsii[name].optional;
    return { name, computed: false, optional, required: !optional };
  });
}

function buildAttribute(f, h, jsiiProp, decls, where) {
  if (!h && !(f.computed && !f.optional && !f.required)) {
    throw new Error(`${where}: settable per comment but not in the HCL attributes`);
  }
  const attr = { type: h ? typeFromHcl(h, where) : typeFromGetter(f, decls, where), description_kind: 'plain' };
  if (jsiiProp?.description) attr.description = jsiiProp.description;
  if (f.required) attr.required = true;
  else if (f.optional) attr.optional = true;
  if (f.computed && !f.required) attr.computed = true;
  return attr;
}

function buildBlockType(f, h, ctx) {
  const fn = h.value.match(/(?<![.\w])([a-z]\w*)ToHclTerraform\b/);
  if (!fn) throw new Error(`${ctx.where}: no struct mapper in ${h.value}`);
  const structName = fn[1][0].toUpperCase() + fn[1].slice(1);
  const fnText = ctx.decls.function[`${fn[1]}ToHclTerraform`];
  if (!fnText) throw new Error(`${ctx.where}: no function ${fn[1]}ToHclTerraform`);
  const nested = buildBlock(`${structName}OutputReference`, parseHclAttrs(fnText), structName, ctx);
  const nesting = { list: 'list', set: 'set', struct: 'single' }[h.type];
  if (!nesting) throw new Error(`${ctx.where}: unknown block nesting ${h.type}`);
  const bt = { nesting_mode: nesting, block: nested };
  if (nesting !== 'single') {
    const maxItems = ctx.isProvider ? ctx.providerBlocks[f.name] : /listMapperHcl\(/.test(h.value) ? undefined : 1;
    if (f.required) bt.min_items = 1;
    if (maxItems) bt.max_items = maxItems;
  }
  return bt;
}

// Fail loudly where the two sources of the binding disagree.
function checkAgainstJsii(f, h, jsiiProp, where) {
  if (!h) return; // computed only: not in the config struct
  if (!jsiiProp) throw new Error(`${where}: not in the jsii struct`);
  if (jsiiProp.optional === f.required) throw new Error(`${where}: required differs between index.js and .jsii`);
}

function buildType(decls, jsii, typeName, dir, isData, ctx) {
  const cls = Object.entries(decls.class).find(([, text]) => text.includes(`tfResourceType = "${typeName}"`));
  if (!cls) throw new Error(`${typeName}: no class with tfResourceType in lib/${dir}`);
  const [className, text] = cls;
  const base = isData ? 'TerraformDataSource' : 'TerraformResource';
  if (!new RegExp(`extends cdkt[fn]\\.${base}\\b`).test(text))
    throw new Error(`${typeName}: ${className} is not a ${base}`);
  return buildBlock(className, parseHclAttrs(synthesizeHclBody(text)), `${className}Config`, {
    ...ctx,
    decls,
    jsii,
    jsiiFile: `src/${dir}/index.ts`,
    where: typeName,
  });
}

function loadLib(pkgDir, dir) {
  return splitDeclarations(readSource(path.join(pkgDir, 'lib', dir, 'index.js')));
}

function providerVersionOf(pkgDir) {
  const src = fs.readFileSync(path.join(pkgDir, 'lib', 'provider', 'index.js'), 'utf8');
  return src.match(/providerVersion: '([^']+)'/)?.[1];
}

function buildProvider(p, tmp) {
  const spec = `${p.package}@${p.packageVersion}`;
  const dirs = [
    'provider',
    ...p.resources.map((t) => libDir(p.name, t, false)),
    ...p.dataSources.map((t) => libDir(p.name, t, true)),
  ];
  console.log(`packing ${spec}`);
  const pkgDir = packAndExtract(tmp, spec, dirs);
  const version = providerVersionOf(pkgDir);
  const readme = fs.readFileSync(path.join(pkgDir, 'README.md'), 'utf8').match(/^#.*prebuilt bindings.*$/m)?.[0];
  console.log(`  README: ${readme}\n  providerVersion: ${version}`);
  if (p.generatedFrom && version !== p.generatedFrom) {
    throw new Error(`${spec} was generated from ${p.name} ${version}, expected ${p.generatedFrom}`);
  }
  const jsii = indexJsii(path.join(pkgDir, '.jsii'));
  const ctx = { providerBlocks: PROVIDER_BLOCK_MAX_ITEMS[p.name] ?? {} };

  const providerDecls = loadLib(pkgDir, 'provider');
  const providerClass = Object.keys(providerDecls.class).find((c) =>
    /extends cdkt[fn]\.TerraformProvider\b/.test(providerDecls.class[c]),
  );
  const providerBlock = buildBlock(
    providerClass,
    parseHclAttrs(synthesizeHclBody(providerDecls.class[providerClass])),
    `${providerClass}Config`,
    {
      ...ctx,
      isProvider: true,
      decls: providerDecls,
      jsii,
      jsiiFile: 'src/provider/index.ts',
      where: `provider ${p.name}`,
    },
  );

  const resource_schemas = {};
  for (const t of p.resources) {
    const dir = libDir(p.name, t, false);
    const block = buildType(loadLib(pkgDir, dir), jsii, t, dir, false, ctx);
    resource_schemas[t] = { version: SCHEMA_VERSIONS[t] ?? 0, block };
  }
  const data_source_schemas = {};
  for (const t of p.dataSources) {
    const dir = libDir(p.name, t, true);
    data_source_schemas[t] = { version: 0, block: buildType(loadLib(pkgDir, dir), jsii, t, dir, true, ctx) };
  }
  return {
    format_version: '1.0',
    provider_schemas: {
      [p.source]: { provider: { version: 0, block: providerBlock }, resource_schemas, data_source_schemas },
    },
  };
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

// Object keys sorted at every level; arrays (cty types) keep their order.
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(v[k])]),
    );
  }
  return v;
}

function parseArgs(argv) {
  const args = { out: DEFAULT_OUT, pkg: {} };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = path.resolve(argv[++i]);
    else if (argv[i] === '--pkg') {
      const m = argv[++i]?.match(/^(\w+)=(@?[^@]+)@(.+)$/);
      if (!m) throw new Error('--pkg wants NAME=PACKAGE@VERSION');
      args.pkg[m[1]] = { package: m[2], packageVersion: m[3], generatedFrom: null };
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-schema-'));
  try {
    fs.mkdirSync(args.out, { recursive: true });
    for (const p of PROVIDERS) {
      const schema = buildProvider({ ...p, ...args.pkg[p.name] }, tmp);
      const file = path.join(args.out, `${p.name}.json`);
      fs.writeFileSync(file, `${JSON.stringify(sortKeys(schema), null, 2)}\n`);
      console.log(`  wrote ${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
    }
    const unused = Object.keys(HAND_DERIVED_BLOCKS).filter((where) => !HAND_DERIVED_USED.has(where));
    if (unused.length) throw new Error(`hand-derived blocks not found in the bindings: ${unused.join(', ')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
