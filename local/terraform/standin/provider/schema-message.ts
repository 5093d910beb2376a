// A provider schema turned into the protocol's Schema messages, as GetProviderSchema answers.
import { sorted, type BlockSchema, type Schema } from './schema-types.js';

const NESTING = { single: 'SINGLE', list: 'LIST', set: 'SET', map: 'MAP', group: 'GROUP' } as const;

export interface SchemaMessage {
  version: number;
  block: BlockMessage;
}
interface BlockMessage {
  attributes: object[];
  block_types: object[];
  description: string;
  deprecated: boolean;
}

function blockMessage(block: BlockSchema): BlockMessage {
  return {
    attributes: sorted(block.attributes).map(([name, attribute]) => ({
      name,
      type: Buffer.from(JSON.stringify(attribute.type)),
      description: attribute.description ?? '',
      required: attribute.required === true,
      optional: attribute.optional === true,
      computed: attribute.computed === true,
      sensitive: attribute.sensitive === true,
      deprecated: attribute.deprecated === true,
    })),
    block_types: sorted(block.block_types).map(([name, nested]) => ({
      type_name: name,
      block: blockMessage(nested.block),
      nesting: NESTING[nested.nesting_mode],
      min_items: nested.min_items ?? 0,
      max_items: nested.max_items ?? 0,
    })),
    description: block.description ?? '',
    deprecated: block.deprecated === true,
  };
}

export const schemaMessage = (schema: Schema): SchemaMessage => ({
  version: schema.version,
  block: blockMessage(schema.block),
});
