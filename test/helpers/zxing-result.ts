/**
 * ZXing's result parsers as a phone's camera app runs them on decoded text, ported line for
 * line from zxing/zxing core/src/main/java/com/google/zxing/client/result/: ResultParser's
 * getMassagedText, matchPrefixedField and unescapeBackslash, WifiResultParser,
 * AddressBookDoCoMoResultParser (MECARD:) and URIResultParser. The oracle of what a scanner reads as a password or a key; not the
 * function's own code, which reads more leniently still.
 */

/** ResultParser.getMassagedText: one leading byte order mark dropped. */
const massaged = (text: string): string => (text.startsWith('\ufeff') ? text.slice(1) : text);

/** ResultParser.countPrecedingBackslashes. */
function precedingBackslashes(text: string, position: number): number {
  let count = 0;
  for (let i = position - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count;
}

/** ResultParser.unescapeBackslash: `\x` is `x`. */
const unescapeBackslash = (text: string): string => text.replace(/\\([\s\S])/g, '$1');

/** Java's String.trim(): every character up to U+0020 at either end. */
const javaTrim = (text: string): string => text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');

/**
 * ResultParser.matchPrefixedField: every value after `prefix`, wherever the prefix stands,
 * up to the next `end` that an odd number of backslashes does not escape; empty values
 * and a value with no end are skipped.
 */
function matchPrefixedField(prefix: string, text: string, end: string, trim = false): string[] | undefined {
  let matches: string[] | undefined;
  let i = 0;
  while (i < text.length) {
    i = text.indexOf(prefix, i);
    if (i < 0) break;
    i += prefix.length;
    const start = i;
    for (;;) {
      i = text.indexOf(end, i);
      if (i < 0) {
        i = text.length;
        break;
      }
      if (precedingBackslashes(text, i) % 2 !== 0) {
        i++;
        continue;
      }
      const unescaped = unescapeBackslash(text.slice(start, i));
      const element = trim ? javaTrim(unescaped) : unescaped;
      if (element !== '') (matches ??= []).push(element);
      i++;
      break;
    }
  }
  return matches;
}

const matchSingle = (prefix: string, text: string): string | undefined => matchPrefixedField(prefix, text, ';')?.[0];

export interface ZxingWifi {
  readonly ssid: string;
  readonly password: string | undefined;
  readonly type: string;
}

/** WifiResultParser.parse: undefined where ZXing does not read a network. */
export function zxingWifi(decoded: string): ZxingWifi | undefined {
  const raw = massaged(decoded);
  if (!raw.startsWith('WIFI:')) return undefined;
  const text = raw.slice('WIFI:'.length);
  const ssid = matchSingle('S:', text);
  if (ssid === undefined || ssid === '') return undefined;
  return { ssid, password: matchSingle('P:', text), type: matchSingle('T:', text) ?? 'nopass' };
}

/** AbstractDoCoMoResultParser.matchDoCoMoPrefixedField: values up to an unescaped `;`, trimmed or not. */
const matchDoCoMo = (prefix: string, text: string, trim = true): string[] | undefined =>
  matchPrefixedField(prefix, text, ';', trim);

export interface ZxingContact {
  readonly name: string;
  readonly phones: string[] | undefined;
  readonly emails: string[] | undefined;
  readonly urls: string[] | undefined;
  readonly addresses: string[] | undefined;
  readonly note: string | undefined;
}

/** AddressBookDoCoMoResultParser.parse: the contact ZXing reads from MECARD:, or undefined. */
export function zxingMecard(decoded: string): ZxingContact | undefined {
  const text = massaged(decoded);
  if (!text.startsWith('MECARD:')) return undefined;
  const rawName = matchDoCoMo('N:', text);
  if (rawName === undefined) return undefined;
  // parseName: "family,given" is shown as "given family".
  const comma = rawName[0]!.indexOf(',');
  const name = comma < 0 ? rawName[0]! : `${rawName[0]!.slice(comma + 1)} ${rawName[0]!.slice(0, comma)}`;
  return {
    name,
    phones: matchDoCoMo('TEL:', text),
    emails: matchDoCoMo('EMAIL:', text),
    urls: matchDoCoMo('URL:', text),
    addresses: matchDoCoMo('ADR:', text),
    note: matchDoCoMo('NOTE:', text, false)?.[0],
  };
}

const ALLOWED_URI_CHARS = /^[-._~:/?#[\]@!$&'()*+,;=%A-Za-z0-9]+$/;
const USER_IN_HOST = /:\/*([^/@]+)@[^/]+/;
const URL_WITH_PROTOCOL = /^[a-zA-Z][a-zA-Z0-9+-.]+:/;
const URL_WITHOUT_PROTOCOL = /^([a-zA-Z0-9-]+\.){1,6}[a-zA-Z]{2,}(:\d{1,5})?(\/|\?|$)/;

/** URIResultParser.parse: the URI ZXing hands on, or undefined. */
export function zxingUri(decoded: string): string | undefined {
  const raw = massaged(decoded);
  if (raw.startsWith('URL:') || raw.startsWith('URI:')) return javaTrim(raw.slice(4));
  const text = javaTrim(raw);
  const basicallyValid = !text.includes(' ') && (URL_WITH_PROTOCOL.test(text) || URL_WITHOUT_PROTOCOL.test(text));
  const possiblyMalicious = !ALLOWED_URI_CHARS.test(text) || USER_IN_HOST.test(text);
  return basicallyValid && !possiblyMalicious ? text : undefined;
}
