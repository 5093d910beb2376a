import { readFileSync } from 'node:fs';
import type { ProviderSchema } from './schema.js';

/**
 * The schema of `hashicorp/<name>` for the types this project uses, generated from the
 * provider's published bindings (local/terraform/schema/PROVENANCE.md says which release).
 */
export function loadProviderSchema(name: string): ProviderSchema {
  const file = new URL(`./schema/${name}.json`, import.meta.url);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { provider_schemas: Record<string, ProviderSchema> };
  const schema = json.provider_schemas[`registry.terraform.io/hashicorp/${name}`];
  if (!schema) throw new Error(`${file.pathname} has no schema for hashicorp/${name}`);
  return schema;
}
