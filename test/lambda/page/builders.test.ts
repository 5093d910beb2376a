// The page's "What to encode" forms (lambda/page/builders.ts) held to the API's payload builders
// (lambda/payload) and to docs/api.md, so the page cannot drift from the API.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { HttpError } from '../../../lambda/errors.js';
import { BUILDER_FORMS, type BuilderForm } from '../../../lambda/page/builders.js';
import { PAYLOAD_BUILDERS, type PayloadType } from '../../../lambda/payload/index.js';
import { tableRows } from '../../helpers/markdown.js';

const forms: [PayloadType, BuilderForm][] = Object.entries(BUILDER_FORMS) as [PayloadType, BuilderForm][];
const sorted = (names: readonly string[]) => [...names].sort();

t.test('one form for each builder the API has, and no other', async (t) => {
  t.same(sorted(Object.keys(BUILDER_FORMS)), sorted(Object.keys(PAYLOAD_BUILDERS)));
});

t.test('each form has exactly its builder’s fields, in the API’s names', async (t) => {
  for (const [type, form] of forms) {
    const names = form.fields.map((field) => field.name);
    t.same(sorted(names), sorted(PAYLOAD_BUILDERS[type].fields), type);
    t.equal(new Set(form.fields.map((field) => field.label)).size, names.length, `${type}: a label for each field`);
  }
});

t.test('the secret fields are the API’s, typed as passwords', async (t) => {
  for (const [type, form] of forms) {
    const secret = form.fields.filter((field) => field.kind === 'secret').map((field) => field.name);
    t.same(sorted(secret), sorted(PAYLOAD_BUILDERS[type].secretFields), type);
  }
});

t.test('the required fields are the ones docs/api.md marks in bold', async (t) => {
  const docs = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
  // The table under "Payload builders: `type`", from its header row to its last row.
  const lines = docs.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| `type` | fields'));
  t.ok(header > 0, 'the table is there');
  const end = lines.findIndex((line, index) => index > header && !line.startsWith('|'));
  const rows = tableRows(lines.slice(header, end));
  const documented = new Map(
    rows.map(([type, fields]) => [
      type!.replace(/`/g, ''),
      [...fields!.matchAll(/\*\*`([A-Za-z]+)`\*\*/g)].map((match) => match[1]!),
    ]),
  );
  t.same(sorted([...documented.keys()]), sorted(Object.keys(BUILDER_FORMS)), 'the docs list every builder');
  for (const [type, form] of forms) {
    const required = form.fields.filter((field) => field.required).map((field) => field.name);
    t.same(sorted(required), sorted(documented.get(type) ?? []), type);
  }
});

/** For each builder with a select: fields that let it reach the select's field. */
const BEFORE_THE_CHOICE: Partial<Record<PayloadType, Record<string, string>>> = {
  wifi: { ssid: 'Guests' },
  otpauth: { secret: 'JBSWY3DPEHPK3PXP', account: 'ada@example.com' },
  emv: { scheme: 'paynow', proxy: '+65 9123 4567', name: 'Kopi' },
};

t.test('every choice a select offers is one its builder takes', async (t) => {
  for (const [type, form] of forms) {
    for (const field of form.fields.filter((one) => one.kind === 'select')) {
      const base = BEFORE_THE_CHOICE[type];
      if (base === undefined) {
        t.fail(`${type}.${field.name}: add the fields that reach it to BEFORE_THE_CHOICE`);
        continue;
      }
      // A value the builder cannot take: its refusal says what it can.
      const refusal = t.throws(() => PAYLOAD_BUILDERS[type].build({ ...base, [field.name]: 'no such choice' }));
      t.ok(refusal instanceof HttpError && refusal.details.field === field.name, `${type}.${field.name} is read`);
      const { allowed, min, max } = (refusal as HttpError).details;
      const choices = (field.choices ?? []).map(([value]) => value);
      t.equal(choices[0], '', `${type}.${field.name}: the first choice leaves the field out, to the API's default`);
      for (const value of choices.slice(1)) {
        if (Array.isArray(allowed)) t.ok(allowed.includes(value), `${type}.${field.name}: ${value} is allowed`);
        else t.ok(Number(value) >= Number(min) && Number(value) <= Number(max), `${type}.${field.name}: ${value}`);
      }
    }
  }
});

t.test('the level a form locks is the one its builder draws at', async (t) => {
  const epc = PAYLOAD_BUILDERS.epc.build({ name: 'Red Cross of Belgium', iban: 'BE72000000001616' });
  t.equal(BUILDER_FORMS.epc.ecLevel, epc.ecLevel);
  const locked = forms.filter(([, form]) => form.ecLevel !== undefined).map(([type]) => type);
  const swissqr = PAYLOAD_BUILDERS.swissqr.build({
    account: 'CH44 3199 9123 0008 8901 2',
    creditor: { name: 'Robert Schneider AG', postcode: '2501', town: 'Biel', country: 'CH' },
    currency: 'CHF',
    reference: '210000000003139471430009017',
  });
  t.equal(BUILDER_FORMS.swissqr.ecLevel, swissqr.ecLevel);
  t.same(locked, ['epc', 'swissqr'], 'EPC and the Swiss QR-bill require a level; no other builder does');
});
