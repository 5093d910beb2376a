// The types of a provider schema in the JSON form `terraform providers schema -json` prints:
// what schema/*.json holds, what the stand-in serves, and what the schema generator writes.
export type CtyType = string | [string, CtyType] | ['object', Record<string, CtyType>] | ['tuple', CtyType[]];

/** How a description is written; the generated schemas' are all plain text. */
export type DescriptionKind = 'plain' | 'markdown';

export interface AttributeSchema {
  readonly type: CtyType;
  readonly description?: string;
  readonly description_kind?: DescriptionKind;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

export interface BlockSchema {
  readonly attributes?: Readonly<Record<string, AttributeSchema>>;
  readonly block_types?: Readonly<Record<string, NestedBlockSchema>>;
  readonly description?: string;
  readonly description_kind?: DescriptionKind;
  readonly deprecated?: boolean;
}

export interface NestedBlockSchema {
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map' | 'group';
  readonly block: BlockSchema;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface Schema {
  readonly version: number;
  readonly block: BlockSchema;
}

export interface ProviderSchema {
  readonly provider: Schema;
  readonly resource_schemas: Readonly<Record<string, Schema>>;
  readonly data_source_schemas: Readonly<Record<string, Schema>>;
}

/** A whole schema file: one or more providers by source address (`registry.terraform.io/hashicorp/aws`). */
export interface SchemaFile {
  readonly format_version: string;
  readonly provider_schemas: Readonly<Record<string, ProviderSchema>>;
}

/** A record's entries sorted by name: every walk over a schema visits them in one order. */
export const sorted = <T>(record: Readonly<Record<string, T>> | undefined): [string, T][] =>
  Object.entries(record ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
