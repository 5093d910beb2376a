// The tfplugin6 Provider service over a ProviderDefinition: Terraform does the parsing,
// type checking and planning; this answers its calls the way a real provider would, with
// the provider's schema, and without calling any cloud.
import type { ServerUnaryCall, sendUnaryData, UntypedServiceImplementation } from '@grpc/grpc-js';
import {
  UNKNOWN,
  fromDynamic,
  isObject,
  isWhollyKnown,
  toDynamic,
  type DynamicValue,
  type ObjectValue,
  type Value,
} from './cty.js';
import { DiagnosticError, type ProviderDefinition } from './definition.js';
import { schemaMessage } from './schema-message.js';
import type { Schema } from './schema-types.js';
import { conform, unknownComputed, zeroUnknowns } from './schema-values.js';

interface Diagnostic {
  severity: 'ERROR' | 'WARNING';
  summary: string;
  detail: string;
}

type Request = Record<string, unknown>;
/** A call's request and its peer: the client connection it came in on. */
type Handler = (request: Request, peer: string) => Promise<Record<string, unknown>> | Record<string, unknown>;

const diagnosticOf = (error: unknown): Diagnostic =>
  error instanceof DiagnosticError
    ? { severity: 'ERROR', summary: error.summary, detail: error.detail }
    : {
        severity: 'ERROR',
        summary: 'Stand-in provider error',
        detail: error instanceof Error ? error.message : String(error),
      };

/** Runs a handler; an exception becomes an error diagnostic in the response, as providers report them. */
function unary(handler: Handler) {
  return (call: ServerUnaryCall<Request, unknown>, callback: sendUnaryData<unknown>): void => {
    Promise.resolve()
      .then(() => handler(call.request, call.getPeer()))
      .then(
        (response) => callback(null, response),
        (error: unknown) => callback(null, { diagnostics: [diagnosticOf(error)] }),
      );
  };
}

const dynamic = (request: Request, field: string): Value => fromDynamic(request[field] as DynamicValue | undefined);

/**
 * `planned` with what apply learnt put where the plan did not know it: an unknown value is
 * replaced, and within nested blocks (lists of objects, objects) item by item.
 */
function fillUnknowns(planned: ObjectValue, known: ObjectValue): ObjectValue {
  const fill = (value: Value, learnt: Value): Value => {
    if (value === UNKNOWN) return learnt;
    if (Array.isArray(value) && Array.isArray(learnt))
      return value.map((item, i) => (i < learnt.length ? fill(item, learnt[i]!) : item));
    if (isObject(value) && isObject(learnt)) return fillUnknowns(value, learnt);
    return value;
  };
  return Object.fromEntries(
    Object.entries(planned).map(([name, value]) => [name, name in known ? fill(value, known[name]!) : value]),
  );
}

export function providerService<Context>(definition: ProviderDefinition<Context>): UntypedServiceImplementation {
  const { schema } = definition;
  // Each provider configuration is its own connection: Terraform starts a process for each,
  // or, with the providers served once (TF_REATTACH_PROVIDERS, ../serve.ts), dials this one
  // process again. Keyed by the connection, two configurations (an alias in another region)
  // never see each other's settings. A process serves one command, or one test file's.
  const contexts = new Map<string, Context>();
  const contextOf = (peer: string): Context => contexts.get(peer) ?? definition.unconfigured;

  /** A type's schema from one of the schema's tables, or the diagnostic the real provider would give. */
  const schemaIn =
    (table: Readonly<Record<string, Schema>>, summary: string) =>
    (type: unknown): Schema => {
      const found = typeof type === 'string' ? table[type] : undefined;
      if (!found)
        throw new DiagnosticError(summary, `${String(type)} is not in the stand-in's schema of ${definition.address}`);
      return found;
    };
  const resourceSchema = schemaIn(schema.resource_schemas, 'Unsupported resource type');
  const dataSchema = schemaIn(schema.data_source_schemas, 'Unsupported data source');
  const behaviour = (type: unknown) => definition.resources[String(type)] ?? {};

  const noDiagnostics = () => ({ diagnostics: [] });
  const serverCapabilities = { plan_destroy: false, get_provider_schema_optional: false, move_resource_state: false };

  return {
    GetMetadata: unary(() => ({
      server_capabilities: serverCapabilities,
      diagnostics: [],
      resources: Object.keys(schema.resource_schemas).map((type_name) => ({ type_name })),
      data_sources: Object.keys(schema.data_source_schemas).map((type_name) => ({ type_name })),
    })),
    GetProviderSchema: unary(() => ({
      provider: schemaMessage(schema.provider),
      resource_schemas: Object.fromEntries(
        Object.entries(schema.resource_schemas).map(([type, s]) => [type, schemaMessage(s)]),
      ),
      data_source_schemas: Object.fromEntries(
        Object.entries(schema.data_source_schemas).map(([type, s]) => [type, schemaMessage(s)]),
      ),
      diagnostics: [],
      server_capabilities: serverCapabilities,
    })),
    ValidateProviderConfig: unary(noDiagnostics),
    ValidateResourceConfig: unary((request) => {
      resourceSchema(request.type_name);
      return noDiagnostics();
    }),
    ValidateDataResourceConfig: unary((request) => {
      dataSchema(request.type_name);
      return noDiagnostics();
    }),
    ConfigureProvider: unary((request, peer) => {
      contexts.set(peer, definition.configure(conform(dynamic(request, 'config'), schema.provider.block)));
      return noDiagnostics();
    }),
    UpgradeResourceState: unary((request) => {
      const raw = request.raw_state as { json?: Uint8Array } | undefined;
      const state =
        raw?.json && raw.json.length > 0 ? (JSON.parse(Buffer.from(raw.json).toString('utf8')) as Value) : null;
      return {
        upgraded_state: toDynamic(state === null ? null : conform(state, resourceSchema(request.type_name).block)),
        diagnostics: [],
      };
    }),
    // Nothing exists outside the state, so what the state says is what there is.
    ReadResource: unary((request) => ({ new_state: request.current_state, diagnostics: [], private: request.private })),
    PlanResourceChange: unary((request, peer) => {
      const { block } = resourceSchema(request.type_name);
      const prior = dynamic(request, 'prior_state');
      const proposed = dynamic(request, 'proposed_new_state');
      if (!isObject(proposed)) return { planned_state: toDynamic(null), diagnostics: [], legacy_type_system: true };
      const config = dynamic(request, 'config');
      const { defaults = {}, planned, replacedOnChange = [] } = behaviour(request.type_name);
      let next: ObjectValue = { ...proposed };
      for (const [name, value] of Object.entries(defaults)) if (next[name] === null) next[name] = value;
      if (prior === null) next = unknownComputed(next, config, block);
      if (planned)
        next = {
          ...next,
          ...planned(next, contextOf(peer), isObject(config) ? config : {}, isObject(prior) ? prior : null),
        };
      const replaced = isObject(prior)
        ? replacedOnChange.filter((name) => JSON.stringify(prior[name]) !== JSON.stringify(next[name]))
        : [];
      // What a replacement creates anew is unknown again, as on create.
      if (replaced.length > 0) next = unknownComputed(next, config, block);
      return {
        planned_state: toDynamic(next),
        requires_replace: replaced.map((name) => ({ steps: [{ attribute_name: name }] })),
        diagnostics: [],
        legacy_type_system: true,
        planned_private: request.prior_private,
      };
    }),
    ApplyResourceChange: unary((request, peer) => {
      const { block } = resourceSchema(request.type_name);
      const planned = dynamic(request, 'planned_state');
      if (!isObject(planned)) return { new_state: toDynamic(null), diagnostics: [], legacy_type_system: true };
      const prior = dynamic(request, 'prior_state');
      const known =
        behaviour(request.type_name).applied?.(planned, contextOf(peer), isObject(prior) ? prior : null) ?? {};
      const state = zeroUnknowns(fillUnknowns(planned, known), block);
      return {
        new_state: toDynamic(state),
        diagnostics: [],
        legacy_type_system: true,
        private: request.planned_private,
      };
    }),
    ImportResourceState: unary((request) => ({
      imported_resources: [
        {
          type_name: request.type_name,
          state: toDynamic(conform({ id: String(request.id) }, resourceSchema(request.type_name).block)),
        },
      ],
      diagnostics: [],
    })),
    ReadDataSource: unary(async (request, peer) => {
      const { block } = dataSchema(request.type_name);
      const config = conform(dynamic(request, 'config'), block);
      if (!isWhollyKnown(config))
        throw new DiagnosticError('Data source read with unknown configuration', String(request.type_name));
      const reader = definition.dataSources[String(request.type_name)];
      if (!reader)
        throw new DiagnosticError('Unsupported data source', `the stand-in cannot read ${String(request.type_name)}`);
      const read = await reader.read(config, contextOf(peer));
      return { state: toDynamic(conform({ ...config, ...read }, block)), diagnostics: [] };
    }),
    StopProvider: unary(() => ({ Error: '' })),
  };
}
