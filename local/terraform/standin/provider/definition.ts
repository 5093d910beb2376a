// What distinguishes one stand-in provider from another: its schema, how it reads its own
// configuration, the values only a real apply would know, and what its data sources read.
import type { ObjectValue, Value } from './cty.js';
import type { ProviderSchema } from './schema-types.js';

export interface ResourceBehaviour<Context> {
  /** Arguments the real provider defaults when the configuration leaves them out. */
  readonly defaults?: Readonly<ObjectValue>;
  /**
   * Computed values the plan can already know (e.g. `tags_all`), or that a change makes
   * unknown again (a new version); `prior` is the state before the change, null on create.
   */
  planned?(planned: ObjectValue, context: Context, config: ObjectValue, prior: ObjectValue | null): ObjectValue;
  /** Arguments that cannot change in place: a new value replaces the resource (ForceNew). */
  readonly replacedOnChange?: readonly string[];
  /**
   * Values for what only apply knows: ids, ARNs, timestamps. Given the planned state and the
   * prior one (null on create). Nested blocks are filled where the plan left them unknown.
   */
  applied?(planned: ObjectValue, context: Context, prior: ObjectValue | null): ObjectValue;
}

export interface DataSourceBehaviour<Context> {
  /** The data source's computed attributes, from its (wholly known) configuration. */
  read(config: ObjectValue, context: Context): ObjectValue | Promise<ObjectValue>;
}

export interface ProviderDefinition<Context> {
  /** As in `registry.terraform.io/hashicorp/aws`. */
  readonly address: string;
  readonly schema: ProviderSchema;
  /** The provider's context before ConfigureProvider (validate runs unconfigured). */
  readonly unconfigured: Context;
  configure(config: ObjectValue): Context;
  readonly resources: Readonly<Record<string, ResourceBehaviour<Context>>>;
  readonly dataSources: Readonly<Record<string, DataSourceBehaviour<Context>>>;
}

/** An error the user caused, shown by Terraform as a diagnostic with this summary. */
export class DiagnosticError extends Error {
  constructor(
    readonly summary: string,
    readonly detail = '',
  ) {
    super(detail ? `${summary}: ${detail}` : summary);
    this.name = 'DiagnosticError';
  }
}

export const stringOf = (value: Value | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;
