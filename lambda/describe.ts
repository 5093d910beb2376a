/** A short, safe rendering of a client's value for an error message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(clip(value));
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  // A number or a boolean as JSON writes it (a string is quoted, so neither reads as one).
  // String(-0) is "0": a refused -0 would read as a refusal of 0.
  return Object.is(value, -0) ? '-0' : clip(String(value));
}

/** A client's text, cut to 40 characters for an error message. */
export const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** What kind of value a client gave, without the value: for a field that holds a secret. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a${/^[aeiou]/.test(typeof value) ? 'n' : ''} ${typeof value}`;
}
