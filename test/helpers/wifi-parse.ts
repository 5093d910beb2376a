/**
 * Reads a WIFI: payload the way ZXing's WifiResultParser does (matchSinglePrefixedField):
 * each field is found by its prefix, its value runs to the next unescaped `;`, and a
 * backslash makes the character after it literal. An independent reader for the tests.
 */
export function parseWifi(text: string): { type?: string; ssid?: string; password?: string; hidden?: string } {
  if (!text.startsWith('WIFI:')) throw new Error('not a WIFI: payload');
  const fields: Record<string, string> = {};
  let i = 5;
  while (i < text.length && text[i] !== ';') {
    const colon = text.indexOf(':', i);
    if (colon < 0) throw new Error(`field without a colon at ${i}`);
    const name = text.slice(i, colon);
    let value = '';
    let j = colon + 1;
    for (; j < text.length && text[j] !== ';'; j++) {
      if (text[j] === '\\') j++;
      value += text[j] ?? '';
    }
    if (j >= text.length) throw new Error(`field ${name} is not closed by ;`);
    fields[name] = value;
    i = j + 1;
  }
  if (text.slice(i) !== ';') throw new Error('not closed by ;;');
  return { type: fields.T, ssid: fields.S, password: fields.P, hidden: fields.H };
}
