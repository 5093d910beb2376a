// Where the provider nests a block recursively (WAFv2's rule `statement`: and/or/not
// statements holding statements, several levels deep), the bindings stop describing it and
// type it `any`, with the stock docs "<name> block". A dynamic attribute inside a set block
// is a schema Terraform refuses, so such a block is served as HAND_DERIVED_BLOCKS has it, or
// else as what the bindings can vouch for: a block with no known content (offline, Terraform
// then refuses any content written in it).
import type { NestedBlockSchema } from '../provider/schema-types.js';
import type { HclAttribute } from './binding-source.js';
import type { JsiiProperty } from './jsii.js';

/** Whether the bindings leave this block undescribed: typed `any`, documented only as "<name> block.". */
export const isUndescribedBlock = (hcl: HclAttribute | undefined, jsii: JsiiProperty | undefined): boolean =>
  hcl?.storageClassType === 'any' && hcl.type === 'simple' && jsii?.blockDocs === true;

/** What an undescribed block is served as when no hand-derived part names it. */
export const UNDESCRIBED_BLOCK: NestedBlockSchema = {
  nesting_mode: 'list',
  block: {
    description: 'Not described by the provider bindings this schema is generated from.',
    description_kind: 'plain',
  },
};

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
const DERIVATION_STOPS_HERE: NestedBlockSchema = {
  nesting_mode: 'list',
  max_items: 1,
  block: {
    description: 'Not served: the hand-derived part of this schema stops here (PROVENANCE.md).',
    description_kind: 'plain',
  },
};

export const HAND_DERIVED_BLOCKS: ReadonlyMap<string, NestedBlockSchema> = new Map([
  [
    'aws_wafv2_web_acl.rule.statement',
    {
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
                scope_down_statement: DERIVATION_STOPS_HERE,
              },
            },
          },
        },
      },
    },
  ],
]);
