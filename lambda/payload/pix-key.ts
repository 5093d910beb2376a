// Pix keys (chaves Pix) as Banco Central's DICT registers them and its "Manual de Padrões para
// Iniciação do Pix" writes them in a BR Code ("Formatação das chaves do DICT no BR Code"): a CPF
// (11 digits) or a CNPJ (14 characters) without punctuation, a mobile phone as +55, area code
// and number, an e-mail address in lower case (at most 77 characters), or a random key (EVP), a
// UUID in lower case with its hyphens. The DICT's own patterns (its API's Key type) are the
// ones checked here, and a CPF's or CNPJ's check digits too: a mistyped key pays no one.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { mod11CheckDigits } from './check-digits.js';
import { textField, type Fields } from './fields.js';

export type PixKeyKind = 'cpf' | 'cnpj' | 'phone' | 'email' | 'evp';

/** The DICT's longest key (its API's Key type: maxLength 77), an e-mail address's limit. */
export const PIX_KEY_MAX = 77;

/** The DICT's EMAIL pattern: lower case only, no % (DICT API changelog 1.7.2). */
const EMAIL =
  /^[a-z0-9.!#$&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const EVP = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** +55, a two-digit area code (DDD, which has no 0), and a mobile number: 9 and eight digits. */
const PHONE = /^\+55[1-9]{2}9\d{8}$/;

/** The punctuation people write a CPF, a CNPJ or a phone number with: 123.456.789-09, 11.222.333/0001-81, (61) 9 8888-7777. */
const PUNCTUATION = /[\s.\-/()]/g;

/**
 * The key in the form the BR Code carries, and its kind, told apart by shape: an @ is an
 * e-mail address, a + a phone number, a UUID a random key, digits a CPF (11) or a CNPJ (14, whose
 * first 12 may be letters).
 */
export function pixKeyField(fields: Fields, name: string): { key: string; kind: PixKeyKind } {
  const given = textField(fields, name, { required: true, max: PIX_KEY_MAX })!;
  const refuse = (why: string) =>
    badRequest('invalid_value', `'${name}' ${why}, not ${describe(given)}`, { field: name });
  if (given.includes('@')) {
    const email = given.toLowerCase();
    if (!EMAIL.test(email)) throw refuse('must be an e-mail address such as pix@bcb.gov.br, as the DICT registers it');
    return { key: email, kind: 'email' };
  }
  if (/^[0-9a-f]{8}-/i.test(given)) {
    const evp = given.toLowerCase();
    if (!EVP.test(evp)) throw refuse('must be a random key (EVP): a UUID such as 123e4567-e12b-12d1-a456-426655440000');
    return { key: evp, kind: 'evp' };
  }
  if (given.trimStart().startsWith('+')) {
    const phone = given.replace(PUNCTUATION, '');
    if (!PHONE.test(phone))
      throw refuse(
        'must be a Brazilian mobile number as a Pix key: +55, the area code and 9 digits, such as +5561988887777',
      );
    return { key: phone, kind: 'phone' };
  }
  const id = given.replace(PUNCTUATION, '').toUpperCase();
  if (/^\d{11}$/.test(id)) {
    if (/^(\d)\1{10}$/.test(id) || mod11CheckDigits(id.slice(0, 9), 'cpf') !== id.slice(9))
      throw refuse('is not a valid CPF: its check digits do not match (a digit is mistyped)');
    return { key: id, kind: 'cpf' };
  }
  if (/^[0-9A-Z]{12}\d{2}$/.test(id)) {
    if (/^(\d)\1{13}$/.test(id) || mod11CheckDigits(id.slice(0, 12), 'cnpj') !== id.slice(12))
      throw refuse('is not a valid CNPJ: its check digits do not match (a character is mistyped)');
    return { key: id, kind: 'cnpj' };
  }
  throw refuse(
    'must be a Pix key: a CPF (11 digits), a CNPJ (14 characters), a phone number (+55…), an e-mail address or a random key (UUID)',
  );
}
