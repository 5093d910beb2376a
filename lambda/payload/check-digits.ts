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

/**
 * The two check digits of a Brazilian CPF (9 digits) or CNPJ (12 characters), modulo 11: each
 * digit weighted from the right by 2, 3, 4… (a CNPJ's weights start again at 2 after 9), the
 * remainder r giving 0 when r < 2 and 11 − r otherwise; the second digit is computed with the
 * first. A CNPJ's first twelve characters may be letters since the Receita Federal's
 * alphanumeric CNPJ (Instrução Normativa RFB nº 2.229/2024): each counts as its character code
 * less 48, so a digit counts as itself and A as 17.
 */
export function mod11CheckDigits(base: string, kind: 'cpf' | 'cnpj'): string {
  const digit = (text: string): number => {
    let sum = 0;
    for (let i = 0; i < text.length; i++) {
      const fromRight = text.length - 1 - i;
      const weight = kind === 'cpf' ? fromRight + 2 : (fromRight % 8) + 2;
      sum += (text.charCodeAt(i) - 48) * weight;
    }
    const remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  };
  const first = digit(base);
  return `${first}${digit(`${base}${first}`)}`;
}

/**
 * The check digit of a Swiss QR reference (and the ISR reference before it): modulo 10,
 * recursive: each digit carried through the table that the Swiss Implementation Guidelines for the
 * QR-bill give, the check digit what brings the carry to 0.
 */
export function mod10RecursiveCheckDigit(digits: string): number {
  const TABLE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5];
  let carry = 0;
  for (const char of digits) carry = TABLE[(carry + Number(char)) % 10]!;
  return (10 - carry) % 10;
}

/**
 * The check digit of a Thai national identification number (and of a juristic person's tax id,
 * which has the same 13 digits): the first twelve weighted 13 down to 2, the check digit
 * (11 − sum mod 11) mod 10.
 */
export function thaiIdCheckDigit(twelve: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}
