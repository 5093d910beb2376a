// Terraform's values on the wire: cty's MessagePack encoding, where a value not known
// until apply is an extension (type 0, or 12 when Terraform attaches refinements such as
// "not null"), and everything else is plain MessagePack: objects and maps as maps,
// lists, sets and tuples as arrays.
import { ExtensionCodec, decode, encode } from '@msgpack/msgpack';

/** A value Terraform knows only after apply. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

export type Value = null | string | number | boolean | Unknown | Value[] | { [key: string]: Value };
export type ObjectValue = { [key: string]: Value };

const UNKNOWN_TYPE = 0;
const REFINED_UNKNOWN_TYPE = 12;

const codec = new ExtensionCodec();
for (const type of [UNKNOWN_TYPE, REFINED_UNKNOWN_TYPE]) {
  codec.register({
    type,
    encode: (input: unknown) => (input === UNKNOWN && type === UNKNOWN_TYPE ? new Uint8Array([0]) : null),
    decode: () => UNKNOWN,
  });
}

export const decodeValue = (bytes: Uint8Array): Value => decode(bytes, { extensionCodec: codec }) as Value;
export const encodeValue = (value: Value): Uint8Array =>
  encode(value, { extensionCodec: codec, ignoreUndefined: true });

/** The wire form of a value: `DynamicValue` carries MessagePack, or JSON where no unknowns can occur. */
export interface DynamicValue {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

export function fromDynamic(dynamic: DynamicValue | null | undefined): Value {
  if (dynamic?.msgpack && dynamic.msgpack.length > 0) return decodeValue(dynamic.msgpack);
  if (dynamic?.json && dynamic.json.length > 0) return JSON.parse(Buffer.from(dynamic.json).toString('utf8')) as Value;
  return null;
}

export const toDynamic = (value: Value): DynamicValue => ({ msgpack: encodeValue(value) });

export const isObject = (value: Value | undefined): value is ObjectValue =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when the value, and everything inside it, is known. */
export function isWhollyKnown(value: Value): boolean {
  if (value === UNKNOWN) return false;
  if (Array.isArray(value)) return value.every(isWhollyKnown);
  if (isObject(value)) return Object.values(value).every(isWhollyKnown);
  return true;
}
