// The page's "What to encode" forms: one per payload builder of POST /generate (lambda/payload),
// in the API's field names, with words for people. The markup and the script are both made from
// this one table, and test/lambda/page/builders.test.ts holds it to what lambda/payload exports,
// so the page cannot drift from the API.

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'checkbox'
  | 'secret'
  | 'email'
  | 'tel'
  | 'url'
  | 'date'
  | 'address';

export interface FieldForm {
  /** The API's name for the field. */
  readonly name: string;
  readonly label: string;
  readonly required?: boolean;
  /** How it is typed; a `secret` is a password field, never put in a URL or stored. */
  readonly kind?: FieldKind;
  /** A select's values and their words (the first, '', leaves the field out). */
  readonly choices?: readonly (readonly [value: string, label: string])[];
  readonly placeholder?: string;
  /** A number or an amount: the phone's keyboard for decimals. */
  readonly decimal?: boolean;
  /** An `address`: the fields of the object it is sent as. */
  readonly parts?: readonly FieldForm[];
}

export interface BuilderForm {
  /** The option's words in "What to encode", and the fieldset's legend. */
  readonly label: string;
  readonly fields: readonly FieldForm[];
  /** The error correction level the format requires: the page sends it and locks the choice. */
  readonly ecLevel?: 'M';
}

/** A Swiss QR-bill's structured address (lambda/payload/swiss-address.ts); name, postcode, town and country are required in one. */
function SWISS_ADDRESS(required: boolean): FieldForm[] {
  return [
    { name: 'name', label: 'Name', required },
    { name: 'street', label: 'Street' },
    { name: 'number', label: 'Building number' },
    { name: 'postcode', label: 'Postcode', required },
    { name: 'town', label: 'Town', required },
    { name: 'country', label: 'Country (two letters)', required, placeholder: 'CH' },
  ];
}

export const BUILDER_FORMS = {
  wifi: {
    label: 'Wi-Fi network',
    fields: [
      { name: 'ssid', label: 'Network name (SSID)', required: true },
      { name: 'password', label: 'Password', kind: 'secret' },
      {
        name: 'security',
        label: 'Security',
        kind: 'select',
        choices: [
          ['', 'WPA with a password, open without'],
          ['WPA', 'WPA/WPA2/WPA3'],
          ['WEP', 'WEP'],
          ['nopass', 'None (open network)'],
        ],
      },
      { name: 'hidden', label: 'Hidden network', kind: 'checkbox' },
    ],
  },
  vcard: {
    label: 'Contact (vCard)',
    fields: [
      { name: 'name', label: 'Full name', required: true },
      { name: 'phone', label: 'Phone', kind: 'tel' },
      { name: 'email', label: 'E-mail', kind: 'email' },
      { name: 'organization', label: 'Organization' },
      { name: 'url', label: 'Website', kind: 'url', placeholder: 'https://example.com' },
    ],
  },
  mecard: {
    label: 'Contact (MeCard, shorter)',
    fields: [
      { name: 'name', label: 'Full name', required: true },
      { name: 'phone', label: 'Phone', kind: 'tel' },
      { name: 'email', label: 'E-mail', kind: 'email' },
      { name: 'url', label: 'Website', kind: 'url', placeholder: 'https://example.com' },
      { name: 'address', label: 'Address' },
      { name: 'note', label: 'Note' },
    ],
  },
  event: {
    label: 'Calendar event',
    fields: [
      { name: 'summary', label: 'Title', required: true },
      { name: 'start', label: 'Starts', required: true, placeholder: '2026-12-24 or 2026-12-24T18:30' },
      { name: 'end', label: 'Ends', placeholder: '2026-12-24 or 2026-12-24T20:00' },
      { name: 'location', label: 'Location' },
      { name: 'description', label: 'Description', kind: 'textarea' },
    ],
  },
  email: {
    label: 'E-mail',
    fields: [
      { name: 'to', label: 'To', required: true, kind: 'email' },
      { name: 'subject', label: 'Subject' },
      { name: 'body', label: 'Message', kind: 'textarea' },
    ],
  },
  tel: {
    label: 'Phone call',
    fields: [{ name: 'number', label: 'Phone number', required: true, kind: 'tel', placeholder: '+1 555 0100' }],
  },
  sms: {
    label: 'Text message (SMS)',
    fields: [
      { name: 'number', label: 'Phone number', required: true, kind: 'tel', placeholder: '+1 555 0100' },
      { name: 'message', label: 'Message', kind: 'textarea' },
    ],
  },
  geo: {
    label: 'Map location',
    fields: [
      { name: 'latitude', label: 'Latitude', required: true, decimal: true, placeholder: '48.8583701' },
      { name: 'longitude', label: 'Longitude', required: true, decimal: true, placeholder: '2.2944813' },
    ],
  },
  otpauth: {
    label: 'Two-factor key (TOTP)',
    fields: [
      { name: 'secret', label: 'Secret key (base32)', required: true, kind: 'secret' },
      { name: 'account', label: 'Account', required: true, placeholder: 'ada@example.com' },
      { name: 'issuer', label: 'Issuer', placeholder: 'Example' },
      {
        name: 'algorithm',
        label: 'Algorithm',
        kind: 'select',
        choices: [
          ['', 'SHA1 (what most apps read)'],
          ['SHA1', 'SHA1'],
          ['SHA256', 'SHA256'],
          ['SHA512', 'SHA512'],
        ],
      },
      {
        name: 'digits',
        label: 'Digits',
        kind: 'select',
        choices: [
          ['', '6 (what most apps read)'],
          ['8', '8'],
        ],
      },
      { name: 'period', label: 'Period (seconds)', decimal: true, placeholder: '30' },
    ],
  },
  epc: {
    label: 'SEPA transfer (EPC, GiroCode)',
    ecLevel: 'M',
    fields: [
      { name: 'name', label: 'Beneficiary', required: true },
      { name: 'iban', label: 'IBAN', required: true, placeholder: 'BE72 0000 0000 1616' },
      { name: 'bic', label: 'BIC' },
      { name: 'amount', label: 'Amount (EUR)', decimal: true },
      { name: 'purpose', label: 'Purpose code', placeholder: 'CHAR' },
      { name: 'reference', label: 'Creditor reference', placeholder: 'RF18 5390 0754 7034' },
      { name: 'text', label: 'Remittance text' },
      { name: 'info', label: 'Note to the payer' },
    ],
  },
  upi: {
    label: 'UPI payment',
    fields: [
      { name: 'vpa', label: 'UPI address', required: true, placeholder: 'name@bank' },
      { name: 'name', label: 'Payee', required: true },
      { name: 'amount', label: 'Amount (INR)', decimal: true },
      { name: 'note', label: 'Note' },
    ],
  },
  bitcoin: {
    label: 'Bitcoin payment',
    fields: [
      { name: 'address', label: 'Bitcoin address', required: true },
      { name: 'amount', label: 'Amount (BTC)', decimal: true },
      { name: 'label', label: 'Payee' },
      { name: 'message', label: 'Message' },
    ],
  },
  gs1: {
    label: 'Product (GS1 Digital Link)',
    fields: [
      { name: 'gtin', label: 'GTIN', required: true, placeholder: '09521234543213' },
      { name: 'batch', label: 'Batch or lot' },
      { name: 'serial', label: 'Serial number' },
      { name: 'expiry', label: 'Expiry date', kind: 'date' },
      { name: 'domain', label: 'Resolver', kind: 'url', placeholder: 'https://id.gs1.org' },
    ],
  },
  pix: {
    label: 'Pix payment (Brazil)',
    fields: [
      { name: 'key', label: 'Pix key', required: true, placeholder: 'CPF, CNPJ, +55…, e-mail or random key' },
      { name: 'name', label: 'Receiver', required: true },
      { name: 'city', label: 'City', required: true },
      { name: 'amount', label: 'Amount (BRL)', decimal: true },
      { name: 'txid', label: 'Transaction id' },
      { name: 'description', label: 'Description' },
    ],
  },
  emv: {
    label: 'PromptPay or PayNow payment',
    fields: [
      {
        name: 'scheme',
        label: 'Scheme',
        required: true,
        kind: 'select',
        choices: [
          ['', 'Choose one'],
          ['promptpay', 'PromptPay (Thailand)'],
          ['paynow', 'PayNow (Singapore)'],
        ],
      },
      { name: 'proxy', label: 'Pay to', required: true, placeholder: 'mobile number, national id, e-wallet id or UEN' },
      {
        name: 'proxyType',
        label: 'Pay to a',
        kind: 'select',
        choices: [
          ['', 'told by its shape'],
          ['mobile', 'Mobile number'],
          ['nationalId', 'National id or tax id (PromptPay)'],
          ['eWallet', 'E-wallet id (PromptPay)'],
          ['uen', 'UEN (PayNow)'],
        ],
      },
      { name: 'amount', label: 'Amount (THB or SGD)', decimal: true },
      { name: 'name', label: 'Merchant name (PayNow)' },
      { name: 'city', label: 'City (PayNow)', placeholder: 'Singapore' },
      { name: 'reference', label: 'Reference (PayNow)' },
      { name: 'editable', label: 'Payer may change the amount (PayNow)', kind: 'checkbox' },
      { name: 'expiry', label: 'Expires (PayNow)', kind: 'date' },
    ],
  },
  swissqr: {
    label: 'Swiss QR-bill',
    ecLevel: 'M',
    fields: [
      {
        name: 'account',
        label: 'Account (IBAN or QR-IBAN)',
        required: true,
        placeholder: 'CH44 3199 9123 0008 8901 2',
      },
      { name: 'creditor', label: 'Creditor', required: true, kind: 'address', parts: SWISS_ADDRESS(true) },
      { name: 'debtor', label: 'Debtor', kind: 'address', parts: SWISS_ADDRESS(false) },
      { name: 'amount', label: 'Amount', decimal: true },
      { name: 'currency', label: 'Currency (CHF or EUR)', required: true, placeholder: 'CHF' },
      { name: 'reference', label: 'Reference (QR or RF)' },
      { name: 'message', label: 'Message' },
      { name: 'billing', label: 'Billing information' },
    ],
  },
} as const satisfies Record<string, BuilderForm>;

export type BuilderName = keyof typeof BUILDER_FORMS;
