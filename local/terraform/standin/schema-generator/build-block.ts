// A type's schema block from its bindings: the class's fields with their flags, the HCL
// mapper's attributes and blocks, the jsii struct's descriptions. Where the two sources of
// the bindings disagree, or a field cannot be read, the run fails rather than guess.
import type { AttributeSchema, BlockSchema, NestedBlockSchema } from '../provider/schema-types.js';
import { typeFromGetter, typeFromHcl } from './attribute-types.js';
import {
  parseFields,
  parseHclAttributes,
  synthesizeHclBody,
  type Declarations,
  type HclAttribute,
  type SchemaField,
} from './binding-source.js';
import { HAND_DERIVED_BLOCKS, UNDESCRIBED_BLOCK, isUndescribedBlock } from './hand-derived.js';
import { jsiiProperties, type JsiiIndex, type JsiiProperty } from './jsii.js';
import { PROVIDER_META_ARGUMENTS } from './targets.js';

/** Where in the bindings a block is read from, and what the run keeps track of. */
export interface BlockSource {
  /** The declarations of the lib/ file the block's type is in. */
  readonly declarations: Declarations;
  readonly jsii: JsiiIndex;
  /** The jsii source file of that type, e.g. `src/lambda-function/index.ts`. */
  readonly jsiiFile: string;
  /** The block's path, for messages and hand-derived blocks: `aws_wafv2_web_acl.rule`. */
  readonly where: string;
  /** Reading the provider's own configuration block (which has no class, only structs). */
  readonly isProvider: boolean;
  /** max_items of the provider's configuration blocks, which the bindings cannot say. */
  readonly providerBlockMaxItems: ReadonlyMap<string, number>;
  /** The hand-derived blocks this run has served, by path. */
  readonly handDerivedUsed: Set<string>;
}

const isMetaArgument = (name: string, source: BlockSource): boolean =>
  source.isProvider && PROVIDER_META_ARGUMENTS.has(name);

/** The block of class `className`, whose settable names are `hcl` and whose jsii struct is `structName`. */
export function buildBlock(
  className: string,
  hcl: ReadonlyMap<string, HclAttribute>,
  structName: string,
  source: BlockSource,
): BlockSchema {
  const jsii = jsiiProperties(source.jsii.get(source.jsiiFile)?.get(structName));
  const attributes: Record<string, AttributeSchema> = {};
  const blockTypes: Record<string, NestedBlockSchema> = {};
  const fields = schemaFields(className, hcl, jsii, source).filter((field) => !isMetaArgument(field.name, source));
  const seen = new Set<string>();
  for (const field of fields) {
    seen.add(field.name);
    const where = `${source.where}.${field.name}`;
    const mapped = hcl.get(field.name);
    const documented = jsii.get(field.name);
    checkAgainstJsii(field, mapped, documented, where);
    const handDerived = HAND_DERIVED_BLOCKS.get(where);
    if (mapped?.isBlock) blockTypes[field.name] = buildNestedBlock(field, mapped, { ...source, where });
    else if (isUndescribedBlock(mapped, documented) && handDerived) {
      blockTypes[field.name] = handDerived;
      source.handDerivedUsed.add(where);
    } else if (isUndescribedBlock(mapped, documented)) blockTypes[field.name] = UNDESCRIBED_BLOCK;
    else attributes[field.name] = buildAttribute(field, mapped, documented, source.declarations, where);
  }
  for (const name of hcl.keys()) {
    if (!seen.has(name) && !isMetaArgument(name, source))
      throw new Error(`${source.where}.${name}: settable but has no schema comment`);
  }
  return {
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    ...(Object.keys(blockTypes).length > 0 ? { block_types: blockTypes } : {}),
    description_kind: 'plain',
  };
}

/**
 * The fields of a block. Nested provider blocks have no class, only a struct: their
 * fields are the settable ones, required as the jsii struct says (a provider
 * configuration has no computed attributes).
 */
function schemaFields(
  className: string,
  hcl: ReadonlyMap<string, HclAttribute>,
  jsii: ReadonlyMap<string, JsiiProperty>,
  source: BlockSource,
): SchemaField[] {
  const classText = source.declarations.classes.get(className);
  if (classText) return parseFields(classText);
  if (!source.isProvider) throw new Error(`${source.where}: no class ${className}`);
  return [...hcl.keys()].map((name) => {
    const property = jsii.get(name);
    if (!property) throw new Error(`${source.where}.${name}: not in the jsii struct`);
    return { name, computed: false, optional: property.optional, required: !property.optional };
  });
}

function buildAttribute(
  field: SchemaField,
  mapped: HclAttribute | undefined,
  documented: JsiiProperty | undefined,
  declarations: Declarations,
  where: string,
): AttributeSchema {
  const computedOnly = field.computed && !field.optional && !field.required;
  if (!mapped && !computedOnly) throw new Error(`${where}: settable per comment but not in the HCL attributes`);
  return {
    type: mapped ? typeFromHcl(mapped, where) : typeFromGetter(field, declarations, where),
    description_kind: 'plain',
    ...(documented?.description ? { description: documented.description } : {}),
    ...(field.required ? { required: true } : field.optional ? { optional: true } : {}),
    ...(field.computed && !field.required ? { computed: true } : {}),
  };
}

const NESTING_MODES: ReadonlyMap<string, NestedBlockSchema['nesting_mode']> = new Map([
  ['list', 'list'],
  ['set', 'set'],
  ['struct', 'single'],
]);

/** A nested block, from the struct mapper its HCL value calls (`environmentToHclTerraform`). */
function buildNestedBlock(field: SchemaField, mapped: HclAttribute, source: BlockSource): NestedBlockSchema {
  const mapper = mapped.value.match(/(?<![.\w])([a-z]\w*)ToHclTerraform\b/)?.[1];
  if (!mapper) throw new Error(`${source.where}: no struct mapper in ${mapped.value}`);
  const structName = mapper[0]!.toUpperCase() + mapper.slice(1);
  const mapperText = source.declarations.functions.get(`${mapper}ToHclTerraform`);
  if (!mapperText) throw new Error(`${source.where}: no function ${mapper}ToHclTerraform`);
  const block = buildBlock(`${structName}OutputReference`, parseHclAttributes(mapperText), structName, source);
  const nesting = NESTING_MODES.get(mapped.type);
  if (!nesting) throw new Error(`${source.where}: unknown block nesting ${mapped.type}`);
  if (nesting === 'single') return { nesting_mode: nesting, block };
  // A block of at most one item has no list mapper: the bindings map it as a single struct.
  const maxItems = source.isProvider
    ? source.providerBlockMaxItems.get(field.name)
    : /listMapperHcl\(/.test(mapped.value)
      ? undefined
      : 1;
  return {
    nesting_mode: nesting,
    block,
    ...(field.required ? { min_items: 1 } : {}),
    ...(maxItems ? { max_items: maxItems } : {}),
  };
}

/** Fail loudly where the two sources of the bindings disagree. */
function checkAgainstJsii(
  field: SchemaField,
  mapped: HclAttribute | undefined,
  documented: JsiiProperty | undefined,
  where: string,
): void {
  if (!mapped) return; // computed only: not in the config struct
  if (!documented) throw new Error(`${where}: not in the jsii struct`);
  if (documented.optional === field.required) throw new Error(`${where}: required differs between index.js and .jsii`);
}

/** The block of a resource or data source type: the class whose tfResourceType it is. */
export function buildTypeBlock(
  typeName: string,
  isDataSource: boolean,
  source: Omit<BlockSource, 'where' | 'isProvider'>,
): BlockSchema {
  const found = [...source.declarations.classes].find(([, text]) => text.includes(`tfResourceType = "${typeName}"`));
  if (!found) throw new Error(`${typeName}: no class with tfResourceType "${typeName}" in its lib/ folder`);
  const [className, text] = found;
  const base = isDataSource ? 'TerraformDataSource' : 'TerraformResource';
  if (!new RegExp(`extends cdkt[fn]\\.${base}\\b`).test(text))
    throw new Error(`${typeName}: ${className} is not a ${base}`);
  return buildBlock(className, parseHclAttributes(synthesizeHclBody(text)), `${className}Config`, {
    ...source,
    where: typeName,
    isProvider: false,
  });
}
