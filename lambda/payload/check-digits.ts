// Check digit schemes of the payment and product codes, each as its standard defines it.

/**
 * ISO 7064 MOD 97-10 of an alphanumeric text (IBAN, ISO 11649 RF reference): letters read as
 * 10 (A) to 35 (Z), the number's remainder by 97, computed a few digits at a time.
 */
export function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const value = Number.parseInt(char, 36);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder;
}

/** An IBAN or an RF reference is valid when its first four characters, moved to the end, leave 1. */
export const mod97Valid = (text: string): boolean => mod97(`${text.slice(4)}${text.slice(0, 4)}`) === 1;
