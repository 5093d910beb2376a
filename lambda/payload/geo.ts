// geo: URIs (RFC 5870): WGS 84 latitude and longitude in decimal degrees.
import { numberField, type Fields, type Payload } from './fields.js';

export const GEO_FIELDS = ['latitude', 'longitude'] as const;

/** Degrees with at most 7 decimals (about a centimetre), never in exponent form. */
export function degrees(value: number): string {
  const text = value.toFixed(7).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

export function geoPayload(fields: Fields): Payload {
  const latitude = numberField(fields, 'latitude', { min: -90, max: 90, required: true })!;
  const longitude = numberField(fields, 'longitude', { min: -180, max: 180, required: true })!;
  return { text: `geo:${degrees(latitude)},${degrees(longitude)}`, secret: false };
}
