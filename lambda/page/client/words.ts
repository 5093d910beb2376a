// The API's answers in words for people (its messages are for programmers), in this page's labels.
import { LOGO_MAX_BYTES, LOGO_SIZE, MAX_DAMAGE } from '../style-options.js';
import type { ApiJson, RequestBody, Verified } from './api.js';
import { builderOf } from './builders.js';
import { el } from './elements.js';

export const ASK_FOR_TEXT = 'Type a URL or some text to put in the code.';
export const UNREACHABLE = 'Could not reach the QR service. Check your connection and try again.';

/** Words for the API's style fields, in its error answers. */
export const STYLE_LABELS: Readonly<Record<string, string>> = {
  dotStyle: 'Dot style',
  cornerSquareStyle: 'Corner squares',
  cornerSquareColor: 'Corner square colour',
  cornerDotStyle: 'Corner dots',
  cornerDotColor: 'Corner dot colour',
  gradient: 'Gradient',
  gradientColor: 'Gradient colour',
  gradientRotation: 'Gradient angle',
  logo: 'Logo',
  logoSize: 'Logo size',
  caption: 'Caption',
  captionColor: 'Caption colour',
  captionSize: 'Caption text size',
};
export const ENCODING_FIELDS: Readonly<Record<string, boolean>> = { eci: true, mode: true };

export const percent = (share: number): string => `${Math.round(share * 100)}%`;
const list = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** The label a field of the request has on this page. */
export function labelOf(field: string | undefined, body: RequestBody): string {
  if (field === undefined) return '';
  if (STYLE_LABELS[field]) return STYLE_LABELS[field];
  if (ENCODING_FIELDS[field]) return 'Text encoding';
  const found = builderOf(body.type)?.fields.filter((one) => one.name === field)[0];
  return found ? found.label : '';
}

/** An API message with its quoted field names in this page's words. */
function inOurWords(message: string | undefined, body: RequestBody): string {
  const text = String(message || '').replace(/'([A-Za-z]+)'/g, (whole, name: string) => {
    const label = labelOf(name, body);
    return label ? `“${label}”` : whole;
  });
  return `${text.charAt(0).toUpperCase() + text.slice(1)}.`;
}

function unscannable(answer: ApiJson, body: RequestBody): string {
  const logo = answer.logoSize !== undefined ? ` with the logo ${percent(answer.logoSize)} wide` : '';
  const at = `at error correction level ${answer.ecLevel}${logo}`;
  const why = answer.unreadBy
    ? 'a scanner could not read it'
    : (answer.functionModules ?? 0) > 0
      ? 'the style covers parts of the code every scanner needs'
      : `one block has ${answer.wrongCodewords} damaged codewords where ${answer.budget} are allowed`;
  const tries: string[] = [];
  if (body.logo !== undefined) tries.push('a smaller logo');
  if (body.ecLevel !== undefined && answer.ecLevel !== 'H' && !el.ecLevel.disabled)
    tries.push('a higher error correction level');
  tries.push('a plainer dot or corner style');
  return `This design would not scan reliably ${at}: ${why}. Try ${list(tries)}.`;
}

const COLORS = ['same_colors', 'inverted_colors', 'low_contrast', 'dark_too_transparent', 'invalid_color'];

/** The API's error codes and fields, in words for people. */
export function say(status: number, answer: ApiJson, body: RequestBody): string {
  const { code, field } = answer;
  if (status === 429) return 'Too many codes at once. Wait a moment, then try again.';
  if (status >= 500 || status === 0) return 'The QR service had a problem. Try again in a moment.';
  if (code === 'unscannable') return unscannable(answer, body);
  if (code === 'data_too_large')
    return 'That is too much text for one QR code at this error correction level. Shorten it, or choose a lower level (L holds the most).';
  if (code === 'size_too_small') return `This code needs at least ${answer.minimum} pixels. Choose a larger size.`;
  if (code === 'out_of_range' && field === 'size') return `Choose a size from ${answer.min} to ${answer.max} pixels.`;
  if (code === 'out_of_range' && field === 'margin') return `Choose a margin from ${answer.min} to ${answer.max}.`;
  if (field === 'url' || field === 'text') return ASK_FOR_TEXT;
  if (field === 'logo' && code === 'out_of_range')
    return `That logo is too large: a logo may be at most ${Math.floor(LOGO_MAX_BYTES / 1024)} KiB.`;
  if (field === 'logo') return 'That logo is not a PNG, JPEG or SVG image the code can hold.';
  if (code !== undefined && COLORS.indexOf(code) >= 0)
    return `Scanners need a dark code on a light background: make ${labelOf(field, body) || 'Dark'} clearly darker than Light.`;
  if (code === 'unknown_option' && labelOf(field, body))
    return `The QR service does not take “${labelOf(field, body)}” yet: clear it and try again.`;
  if (field && labelOf(field, body)) return inOurWords(answer.error, body);
  return 'These settings cannot make a code. Check them and try again.';
}

/** How the code on show was checked: by which decoders, at which sizes, with how much of its correction used. */
export function verifiedText(check: Verified, body: RequestBody): string {
  const decoders = `${check.decoders.length} decoders (${check.decoders.join(', ')})`;
  const used = `worst block uses ${percent(check.worst_block_share)} of its error correction (${percent(MAX_DAMAGE)} allowed)`;
  let text = `Read by ${decoders} at ${check.sizes.join(' and ')} px · level ${check.ec_level} · ${used}`;
  if (check.logo_size !== undefined) {
    const shrunk = body.logoSize === undefined && check.logo_size < LOGO_SIZE.auto;
    text += ` · logo ${percent(check.logo_size)} wide${shrunk ? ', made smaller so it scans' : ''}`;
  }
  return text;
}

/** The image's alternative text: the data, or the builder and its first field that is not secret. */
export function describeData(body: RequestBody): string {
  const chosen = builderOf(body.type);
  if (chosen === null) return String(body.url);
  const first = chosen.fields.filter(
    (field) => field.kind !== 'secret' && field.kind !== 'checkbox' && body[field.name] !== undefined,
  )[0];
  return chosen.label + (first ? `: ${body[first.name]}` : '');
}
