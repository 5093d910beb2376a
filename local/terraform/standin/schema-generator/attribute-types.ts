// An attribute's cty type: a settable one's from its HCL mapper's storage class, a
// computed-only one's from its getter (getStringAttribute, …) or the class it is made of.
import type { CtyType } from '../provider/schema-types.js';
import type { Declarations, HclAttribute, SchemaField } from './binding-source.js';
import { parseFields } from './binding-source.js';

const PRIMITIVES: ReadonlyMap<string, CtyType> = new Map([
  ['string', 'string'],
  ['number', 'number'],
  ['boolean', 'bool'],
  ['any', 'dynamic'],
]);

/** The type of a settable attribute, from its HCL description. */
export function typeFromHcl(hcl: HclAttribute, where: string): CtyType {
  const primitive = PRIMITIVES.get(hcl.storageClassType);
  if (hcl.type === 'simple' && primitive) return primitive;
  const collection = hcl.storageClassType.match(/^(string|number|boolean|any)(List|Map)$/);
  if (collection && ['list', 'set', 'map'].includes(hcl.type)) {
    if ((hcl.type === 'map') !== (collection[2] === 'Map'))
      throw new Error(`${where}: type ${hcl.type} vs ${hcl.storageClassType}`);
    return [hcl.type, PRIMITIVES.get(collection[1]!)!];
  }
  throw new Error(`${where}: cannot map attribute type ${hcl.type}/${hcl.storageClassType}`);
}

/** The type each getter of the bindings' base class returns; a list read through Fn.tolist is a set. */
function getterTypes(readAsSet: boolean): ReadonlyMap<string, CtyType> {
  const sequence = readAsSet ? 'set' : 'list';
  return new Map<string, CtyType>([
    ['getStringAttribute', 'string'],
    ['getNumberAttribute', 'number'],
    ['getBooleanAttribute', 'bool'],
    ['getListAttribute', [sequence, 'string']],
    ['getNumberListAttribute', [sequence, 'number']],
    ['getBooleanListAttribute', [sequence, 'bool']],
    ['getStringMapAttribute', ['map', 'string']],
    ['getNumberMapAttribute', ['map', 'number']],
    ['getBooleanMapAttribute', ['map', 'bool']],
    ['getAnyMapAttribute', ['map', 'dynamic']],
    ['interpolationForAttribute', 'dynamic'],
  ]);
}

/** The type of a computed-only attribute, from its getter. */
export function typeFromGetter(field: SchemaField, declarations: Declarations, where: string): CtyType {
  if (field.complexClass) return complexType(field.complexClass, field.wrapsSet === true, declarations, where);
  const getter = field.getter ?? '';
  const method = getter.match(/this\.(\w+)\(/)?.[1];
  const type = method === undefined ? undefined : getterTypes(/Fn\.tolist\(/.test(getter)).get(method);
  if (type !== undefined) return type;
  throw new Error(`${where}: cannot derive type from getter "${getter}"`);
}

const MAP_CLASSES: ReadonlyMap<string, CtyType> = new Map<string, CtyType>([
  ['StringMap', ['map', 'string']],
  ['NumberMap', ['map', 'number']],
  ['BooleanMap', ['map', 'bool']],
  ['AnyMap', ['map', 'dynamic']],
]);

/**
 * The type of a computed nested object: a map class of the bindings' library, or a
 * generated *List (a list or set of objects) or *OutputReference (one object) class.
 */
function complexType(className: string, wrapsSet: boolean, declarations: Declarations, where: string): CtyType {
  const mapType = MAP_CLASSES.get(className.replace(/^cdkt[fn]\./, ''));
  if (mapType) return mapType;
  const base = className.replace(/(List|OutputReference)$/, '');
  const objectClass = declarations.classes.get(`${base}OutputReference`);
  if (!objectClass) throw new Error(`${where}: no class ${base}OutputReference`);
  const attributes: Record<string, CtyType> = {};
  for (const field of parseFields(objectClass))
    attributes[field.name] = typeFromGetter(field, declarations, `${where}.${field.name}`);
  const object: CtyType = ['object', attributes];
  if (className.endsWith('OutputReference')) return object;
  return [wrapsSet ? 'set' : 'list', object];
}
