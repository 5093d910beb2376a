import { parse } from '@cdktf/hcl2json';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ExpressionError, UNKNOWN, evaluate, evaluateValue, type Scope, type Value } from './expression.js';

/** A block as hcl2json gives it: attributes, and nested blocks as lists of blocks. */
export type Block = Record<string, unknown>;

/** The top-level contents of every .tf file in a directory, merged as Terraform merges them. */
export interface TerraformModule {
  readonly dir: string;
  readonly files: readonly string[];
  readonly terraform: Block[];
  readonly providers: Record<string, Block[]>;
  readonly variables: Record<string, Block>;
  readonly locals: Record<string, unknown>;
  readonly resources: Record<string, Record<string, Block>>;
  readonly data: Record<string, Record<string, Block>>;
  readonly outputs: Record<string, Block>;
  /** terraform.tfvars, then *.auto.tfvars in name order: the files Terraform loads by itself. */
  readonly tfvars: readonly Block[];
}

export async function readModule(dir: string): Promise<TerraformModule> {
  const absolute = resolve(dir);
  const entries = (await readdir(absolute)).sort();
  const files = entries.filter((file) => file.endsWith('.tf'));
  const tfvarsFiles = [
    ...entries.filter((file) => file === 'terraform.tfvars'),
    ...entries.filter((file) => file.endsWith('.auto.tfvars')),
  ];
  const module: TerraformModule = {
    dir: absolute,
    files,
    terraform: [],
    providers: {},
    variables: {},
    locals: {},
    resources: {},
    data: {},
    outputs: {},
    tfvars: [],
  };
  for (const file of files) {
    const json = (await parse(file, await readFile(join(absolute, file), 'utf8'))) as Record<string, unknown>;
    module.terraform.push(...((json.terraform as Block[] | undefined) ?? []));
    for (const [name, blocks] of Object.entries((json.provider as Record<string, Block[]> | undefined) ?? {})) {
      (module.providers[name] ??= []).push(...blocks);
    }
    for (const locals of (json.locals as Block[] | undefined) ?? []) mergeUnique(module.locals, locals, 'local', file);
    mergeNamed(module.variables, json.variable, 'variable', file);
    mergeNamed(module.outputs, json.output, 'output', file);
    for (const [type, named] of Object.entries((json.resource as Record<string, unknown> | undefined) ?? {})) {
      mergeNamed((module.resources[type] ??= {}), named, `resource ${type}`, file);
    }
    for (const [type, named] of Object.entries((json.data as Record<string, unknown> | undefined) ?? {})) {
      mergeNamed((module.data[type] ??= {}), named, `data ${type}`, file);
    }
  }
  for (const file of tfvarsFiles) {
    (module.tfvars as Block[]).push((await parse(file, await readFile(join(absolute, file), 'utf8'))) as Block);
  }
  return module;
}

function mergeNamed(target: Record<string, Block>, named: unknown, kind: string, file: string): void {
  for (const [name, blocks] of Object.entries((named as Record<string, Block[]> | undefined) ?? {})) {
    if (Object.hasOwn(target, name) || blocks.length !== 1) throw new Error(`${file}: ${kind} "${name}" is declared more than once`);
    target[name] = blocks[0]!;
  }
}

function mergeUnique(target: Record<string, unknown>, source: Block, kind: string, file: string): void {
  for (const [name, value] of Object.entries(source)) {
    if (Object.hasOwn(target, name)) throw new Error(`${file}: ${kind} "${name}" is declared more than once`);
    target[name] = value;
  }
}

/** The variable's type constraint as written, e.g. `string`, `list(string)`. */
export const variableType = (variable: Block): string | undefined =>
  typeof variable.type === 'string' ? variable.type.replace(/^\$\{([\s\S]*)\}$/, '$1') : undefined;

/**
 * Each variable's value, in Terraform's order of precedence, last wins: its default,
 * `TF_VAR_<name>` from `env` (a string for `string` variables, otherwise an HCL
 * expression), terraform.tfvars, then *.auto.tfvars.
 */
export function variableValues(module: TerraformModule, env: NodeJS.ProcessEnv = {}): Record<string, Value> {
  const values: Record<string, Value> = {};
  const empty: Scope = { lookup: () => undefined };
  for (const [name, variable] of Object.entries(module.variables)) {
    const fromEnv = env[`TF_VAR_${name}`];
    const fromFiles = module.tfvars.filter((file) => Object.hasOwn(file, name)).at(-1);
    if (fromFiles) {
      values[name] = evaluateValue(fromFiles[name], empty);
    } else if (fromEnv !== undefined) {
      values[name] = variableType(variable) === 'string' ? fromEnv : evaluate(fromEnv, empty);
    } else if (Object.hasOwn(variable, 'default')) {
      values[name] = evaluateValue(variable.default, empty);
    } else {
      throw new Error(`variable "${name}" has no default: set it in terraform.tfvars or TF_VAR_${name}`);
    }
  }
  for (const file of module.tfvars) {
    for (const name of Object.keys(file)) {
      if (!Object.hasOwn(module.variables, name)) throw new Error(`a .tfvars file sets "${name}", which is not a declared variable`);
    }
  }
  return values;
}

/** Fails with the variable's own error_message for every validation its value breaks. */
export function checkValidations(module: TerraformModule, values: Record<string, Value>): void {
  const scope = moduleScope(module, values);
  const broken: string[] = [];
  for (const [name, variable] of Object.entries(module.variables)) {
    for (const validation of (variable.validation as Block[] | undefined) ?? []) {
      if (evaluateValue(validation.condition, scope) !== true) {
        broken.push(`var.${name} = ${JSON.stringify(values[name])}: ${String(validation.error_message)}`);
      }
    }
  }
  if (broken.length > 0) throw new Error(`invalid variable values:\n  ${broken.join('\n  ')}`);
}

/** Attributes every resource has that only apply knows. */
const COMPUTED = ['id', 'arn', 'invoke_arn', 'execution_arn', 'api_endpoint', 'output_base64sha256', 'output_md5', 'json', 'qualified_arn', 'version'];

/**
 * A scope in which `var.*`, `local.*`, `path.module`, data sources and resources resolve:
 * resources and data sources to their configured attributes (each.* left unknown), and
 * to UNKNOWN for what only apply knows.
 */
export function moduleScope(module: TerraformModule, values: Record<string, Value>): Scope {
  const localValues = new Map<string, Value>();
  const evaluating = new Set<string>();
  const locals: Record<string, Value> = new Proxy({} as Record<string, Value>, {
    get(_, name: string) {
      if (!Object.hasOwn(module.locals, name)) throw new ExpressionError(`local.${name} is not declared`);
      if (!localValues.has(name)) {
        if (evaluating.has(name)) throw new ExpressionError(`local.${name} refers to itself`);
        evaluating.add(name);
        localValues.set(name, evaluateValue(module.locals[name], scope));
        evaluating.delete(name);
      }
      return localValues.get(name);
    },
    getOwnPropertyDescriptor: (_, name: string): PropertyDescriptor | undefined =>
      Object.hasOwn(module.locals, name) ? { configurable: true, enumerable: true, value: locals[name] } : undefined,
  });
  const instances = (blocks: Record<string, Block>): Value =>
    new Proxy({} as Record<string, Value>, {
      get: (_, name: string) => (Object.hasOwn(blocks, name) ? instance(blocks[name]!) : undefined),
      getOwnPropertyDescriptor: (_, name: string): PropertyDescriptor | undefined =>
        Object.hasOwn(blocks, name) ? { configurable: true, enumerable: true, value: instance(blocks[name]!) } : undefined,
    });
  const instance = (block: Block): Value => {
    const attributes: Record<string, Value> = Object.fromEntries(COMPUTED.map((name) => [name, UNKNOWN]));
    for (const [name, raw] of Object.entries(block)) {
      if (name === 'for_each' || name === 'count' || name === 'depends_on' || name === 'dynamic') continue;
      try {
        attributes[name] = evaluateValue(raw, scope);
      } catch {
        attributes[name] = UNKNOWN;
      }
    }
    return attributes;
  };
  const scope: Scope = {
    lookup(name) {
      if (name === 'var') return values;
      if (name === 'local') return locals;
      if (name === 'path') return { module: module.dir, root: module.dir, cwd: process.cwd() };
      if (name === 'data') return Object.fromEntries(Object.entries(module.data).map(([type, blocks]) => [type, instances(blocks)]));
      if (Object.hasOwn(module.resources, name)) return instances(module.resources[name]!);
      return undefined;
    },
  };
  return scope;
}

/** The scope of one `for_each` instance. */
export const eachScope = (outer: Scope, key: Value, value: Value): Scope => ({
  lookup: (name) => (name === 'each' ? { key, value } : outer.lookup(name)),
});
