// Whether data given as it is holds a secret. Loaded with every request, unlike the builders.

/**
 * Whether text given as it is (`url`) carries a secret: an otpauth: key, or a WIFI: network
 * with a password. Such codes are never cached.
 */
export function isSecretText(text: string): boolean {
  if (/^otpauth:/i.test(text)) return true;
  if (!/^WIFI:/i.test(text)) return false;
  // The fields, split at unescaped semicolons: a non-empty P: is a password.
  return text
    .slice(5)
    .split(/(?<!\\)(?:\\\\)*;/)
    .some((field) => /^P:./s.test(field));
}
