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

/** GS1's mod 10 check digit of the digits before it: weights 3 and 1 alternating from the right. */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}
