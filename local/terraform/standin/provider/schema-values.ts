// The walks over values that planning and applying need, each shaped by a schema's blocks.
import { UNKNOWN, isObject, type ObjectValue, type Value } from './cty.js';
import { sorted, type BlockSchema, type CtyType } from './schema-types.js';

/** `value` with exactly the attributes and nested blocks `block` declares, each of its type. */
export function conform(value: Value, block: BlockSchema): ObjectValue {
  const source = isObject(value) ? value : {};
  const result: ObjectValue = {};
  for (const [name, attribute] of sorted(block.attributes))
    result[name] = conformType(source[name] ?? null, attribute.type);
  for (const [name, nested] of sorted(block.block_types)) {
    const given = source[name] ?? null;
    if (given === UNKNOWN) {
      result[name] = UNKNOWN;
    } else if (nested.nesting_mode === 'single' || nested.nesting_mode === 'group') {
      result[name] = given === null ? null : conform(given, nested.block);
    } else if (nested.nesting_mode === 'map') {
      result[name] = Object.fromEntries(
        Object.entries(isObject(given) ? given : {}).map(([key, item]) => [key, conform(item, nested.block)]),
      );
    } else {
      result[name] = (Array.isArray(given) ? given : []).map((item) => conform(item, nested.block));
    }
  }
  return result;
}

function conformType(value: Value, type: CtyType): Value {
  if (value === null || value === UNKNOWN) return value;
  if (type === 'string')
    return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (type === 'number') return typeof value === 'number' ? value : Number(value);
  if (type === 'bool') return typeof value === 'boolean' ? value : value === 'true';
  if (typeof type === 'string') return value; // "dynamic": as given
  const [kind, element] = type;
  if ((kind === 'list' || kind === 'set') && Array.isArray(value))
    return value.map((item) => conformType(item, element as CtyType));
  if (kind === 'map' && isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, conformType(v, element as CtyType)]));
  if (kind === 'object' && isObject(value)) {
    const fields = element as Record<string, CtyType>;
    return Object.fromEntries(
      Object.keys(fields)
        .sort()
        .map((k) => [k, conformType(value[k] ?? null, fields[k]!)]),
    );
  }
  if (kind === 'tuple' && Array.isArray(value))
    return (element as CtyType[]).map((t, i) => conformType(value[i] ?? null, t));
  return value;
}

/**
 * On create, every computed attribute the configuration leaves null is unknown until
 * apply, in nested blocks too: Terraform's own rule for what a plan may not yet know.
 */
export function unknownComputed(planned: ObjectValue, config: Value, block: BlockSchema): ObjectValue {
  const given = isObject(config) ? config : {};
  const result: ObjectValue = { ...planned };
  for (const [name, attribute] of sorted(block.attributes)) {
    if (attribute.computed && (given[name] ?? null) === null) result[name] = UNKNOWN;
  }
  for (const [name, nested] of sorted(block.block_types)) {
    const items = planned[name];
    const configured = given[name];
    if (Array.isArray(items)) {
      result[name] = items.map((item, i) =>
        isObject(item)
          ? unknownComputed(item, Array.isArray(configured) ? (configured[i] ?? null) : null, nested.block)
          : item,
      );
    } else if (isObject(items) && (nested.nesting_mode === 'single' || nested.nesting_mode === 'group')) {
      result[name] = unknownComputed(items, configured ?? null, nested.block);
    }
  }
  return result;
}

/**
 * Every unknown left in `value` as its type's zero value, walking the schema: what apply
 * makes of a computed attribute no behaviour describes.
 */
export function zeroUnknowns(value: ObjectValue, block: BlockSchema): ObjectValue {
  const result: ObjectValue = { ...value };
  for (const [name, attribute] of sorted(block.attributes)) {
    if (result[name] === UNKNOWN) result[name] = zeroOf(attribute.type);
  }
  for (const [name, nested] of sorted(block.block_types)) {
    const items = result[name];
    if (items === UNKNOWN)
      result[name] = nested.nesting_mode === 'single' || nested.nesting_mode === 'group' ? null : [];
    else if (Array.isArray(items))
      result[name] = items.map((item) => (isObject(item) ? zeroUnknowns(item, nested.block) : item));
    else if (isObject(items) && nested.nesting_mode !== 'map') result[name] = zeroUnknowns(items, nested.block);
  }
  return result;
}

function zeroOf(type: CtyType): Value {
  if (type === 'string') return '';
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set' || type[0] === 'tuple')) return [];
  if (Array.isArray(type) && type[0] === 'map') return {};
  return null;
}
