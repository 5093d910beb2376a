// The schema data: `hashicorp/<name>`'s schema for the types this project uses, as
// ../schema/<name>.json holds it, generated from the provider's published bindings
// (../schema/PROVENANCE.md says which release, and how to generate them again).
import { readFileSync } from 'node:fs';
import type { ProviderSchema, SchemaFile } from './schema-types.js';

/** The schema `terraform providers schema -json` would print for `hashicorp/<name>`, from ../schema/<name>.json. */
export function loadProviderSchema(name: string): ProviderSchema {
  // The bundle sits at provider/main.mjs in the built stand-in, with schema/ beside provider/ as here.
  const file = new URL(`../schema/${name}.json`, import.meta.url);
  const json = JSON.parse(readFileSync(file, 'utf8')) as SchemaFile;
  const schema = json.provider_schemas[`registry.terraform.io/hashicorp/${name}`];
  if (!schema) throw new Error(`${file.pathname} has no schema for hashicorp/${name}`);
  return schema;
}
