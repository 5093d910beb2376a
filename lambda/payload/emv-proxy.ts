// The proxies that PromptPay and PayNow pay to, in the form each scheme's code carries them:
// PromptPay's mobile number as 0066 and the 9 digits after the leading 0, a national id or
// tax id (13 digits, its check digit verified) or an e-wallet id (15 digits); PayNow's mobile
// number as +65 and 8 digits, or a UEN (Unique Entity Number) in one of ACRA's three shapes.
// Told apart by shape when `proxyType` is left out; held to that type when it is given.
import { describe } from '../describe.js';
import { badRequest } from '../errors.js';
import { thaiIdCheckDigit } from './check-digits.js';
import { choiceField, textField, type Fields } from './fields.js';

export const EMV_SCHEMES = ['promptpay', 'paynow'] as const;
export type EmvScheme = (typeof EMV_SCHEMES)[number];

export const PROXY_TYPES = ['mobile', 'nationalId', 'eWallet', 'uen'] as const;
export type ProxyType = (typeof PROXY_TYPES)[number];

export const SCHEME_PROXIES: Readonly<Record<EmvScheme, readonly ProxyType[]>> = {
  promptpay: ['mobile', 'nationalId', 'eWallet'],
  paynow: ['mobile', 'uen'],
};

export interface EmvProxy {
  readonly type: ProxyType;
  /** As the code carries it: 0066812345678, 1101700207030, +6591234567, 201912345A. */
  readonly value: string;
}

/** A Thai mobile number (06, 08 or 09 and 8 digits), written 0…, +66…, 66… or 0066…; its 9 digits after the 0. */
const THAI_MOBILE = /^(?:0|\+66|66|0066)([689]\d{8})$/;
/** A Singapore mobile number (8 or 9 and 7 digits), with or without +65. */
const SINGAPORE_MOBILE = /^(?:\+65|65|0065)?([89]\d{7})$/;
/** ACRA's UENs: a business (8 digits and a letter), a local company (a year, 5 digits and a letter), or another entity (R, S or T, a year's 2 digits, a 2-letter entity type, 4 digits and a letter). */
const UEN = /^(?:\d{8}[A-Z]|(?:19|20)\d{7}[A-Z]|[RST]\d{2}[A-Z]{2}\d{4}[A-Z])$/;

const EXAMPLES: Readonly<Record<ProxyType, string>> = {
  mobile: 'a mobile number',
  nationalId: 'a national id or tax id of 13 digits',
  eWallet: 'an e-wallet id of 15 digits',
  uen: 'a UEN',
};

function proxyTypeField(fields: Fields, scheme: EmvScheme): ProxyType | undefined {
  const type = choiceField(fields, 'proxyType', PROXY_TYPES);
  const allowed = SCHEME_PROXIES[scheme];
  if (type !== undefined && !allowed.includes(type))
    throw badRequest('invalid_value', `'proxyType' must be one of ${allowed.join(', ')} with ${scheme}, not ${type}`, {
      field: 'proxyType',
      allowed,
    });
  return type;
}

/** The proxy the code pays to, checked against its type (given, or told by its shape). */
export function proxyField(fields: Fields, scheme: EmvScheme): EmvProxy {
  const type = proxyTypeField(fields, scheme);
  const written = textField(fields, 'proxy', { required: true, max: 40 })!;
  const compact = written.replace(/[\s().-]/g, '').toUpperCase();
  const refuse = (why: string) =>
    badRequest('invalid_value', `'proxy' ${why}, not ${describe(written)}`, { field: 'proxy' });
  const mobile = (scheme === 'promptpay' ? THAI_MOBILE : SINGAPORE_MOBILE).exec(compact);
  const shaped: ProxyType | undefined =
    type ??
    (mobile !== null
      ? 'mobile'
      : scheme === 'paynow'
        ? 'uen'
        : /^\d{13}$/.test(compact)
          ? 'nationalId'
          : /^\d{15}$/.test(compact)
            ? 'eWallet'
            : undefined);
  switch (shaped) {
    case 'mobile':
      if (mobile === null)
        throw refuse(
          scheme === 'promptpay'
            ? 'must be a Thai mobile number: 06, 08 or 09 and 8 digits, such as 081 234 5678 or +66 81 234 5678'
            : 'must be a Singapore mobile number: 8 or 9 and 7 digits, such as +65 9123 4567',
        );
      return { type: 'mobile', value: scheme === 'promptpay' ? `0066${mobile[1]}` : `+65${mobile[1]}` };
    case 'nationalId':
      if (!/^\d{13}$/.test(compact)) throw refuse('must be a national id or tax id of 13 digits');
      if (thaiIdCheckDigit(compact) !== Number(compact[12]))
        throw refuse('is not a valid national id or tax id: its check digit does not match (a digit is mistyped)');
      return { type: 'nationalId', value: compact };
    case 'eWallet':
      if (!/^\d{15}$/.test(compact)) throw refuse('must be an e-wallet id of 15 digits');
      return { type: 'eWallet', value: compact };
    case 'uen':
      if (!UEN.test(compact))
        throw refuse(
          'must be a UEN: 8 digits and a letter (53312345D), a year, 5 digits and a letter (201912345A), or R, S or T, 2 digits, 2 letters, 4 digits and a letter (T08LL1234A)',
        );
      return { type: 'uen', value: compact };
    default:
      throw refuse(`must be ${SCHEME_PROXIES[scheme].map((one) => EXAMPLES[one]).join(', or ')}`);
  }
}
