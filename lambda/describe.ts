/** A short, safe rendering of a client's value for an error message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(clip(value));
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${clip(String(value))}`;
}

/** A client's text, cut to 40 characters for an error message. */
export const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
