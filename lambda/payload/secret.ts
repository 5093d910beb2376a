// Whether data given as it is holds a secret. Loaded with every request, unlike the builders.
//
// It reads the text as the most lenient scanner would, not as the builders write it: a
// code that any reader takes for a key or a password is never cached. ZXing's readers
// (ResultParser.getMassagedText, URIResultParser, WifiResultParser) drop a leading byte
// order mark, trim a URI, take `URL:`/`URI:` in front of one, and find a WIFI: field by its
// prefix anywhere in the text, escaped or not; other readers ignore case.

/** What readers skip before the data: byte order marks, and what Java's trim() or JavaScript's drops. */
const LEADING_NOISE = /^[\u0000-\u0020\s\ufeff]+/;

/** 2FA keys: Google Authenticator's Key URI, and its export of every account at once. */
const KEY_URI = /^(?:UR[LI]:[\u0000-\u0020\s\ufeff]*)?otpauth(?:-migration)?:/i;

/** In a WIFI: text, a P: field with something in it, wherever it stands (even inside another field). */
const WIFI_PASSWORD = /P:[^;]/i;

/**
 * Whether text given as it is (`url`) carries a secret: an otpauth: or
 * otpauth-migration: key, or a WIFI: network with a password. Such codes are never cached.
 * Errs on the side of secret: a text a scanner could read a key or a password from is one.
 */
export function isSecretText(text: string): boolean {
  const data = text.replace(LEADING_NOISE, '');
  if (KEY_URI.test(data)) return true;
  return /^WIFI:/i.test(data) && WIFI_PASSWORD.test(data.slice(5));
}
