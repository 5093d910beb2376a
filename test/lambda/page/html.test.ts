// The page's markup and script, read as text (the script as esbuild bundles it from
// lambda/page/client/): what the Style section sends is what the API reads, it starts
// closed, the builders' forms are made from their table, and the script keeps nothing
// anywhere (no storage, no URL).
import t from 'tap';
import { BUILDER_FORMS, type BuilderForm } from '../../../lambda/page/builders.js';
import { BODY, SCRIPT } from '../../../lambda/page/html.js';
import { STYLE_FIELDS } from '../../../lambda/generate/options.js';

/** The caption's options: sent by the page, read by the API once captions are offered. */
const CAPTION_FIELDS = ['caption', 'captionColor', 'captionSize'];

const styleSection = /<details id="style">([\s\S]*?)<\/details>/.exec(BODY)?.[1] ?? '';

t.test('the Style section starts closed, and each control in it that is sent is an API option', async (t) => {
  t.match(BODY, /<details id="style">\s*<summary>Style<\/summary>/, 'a disclosure, closed');
  const names = [...styleSection.matchAll(/\sname="([^"]+)"/g)].map((match) => match[1]!);
  t.ok(names.length >= 12, `the controls: ${names.join(', ')}`);
  for (const name of names)
    t.ok((STYLE_FIELDS as readonly string[]).includes(name) || CAPTION_FIELDS.includes(name), `${name} is an option`);
  t.notOk(/\sname="(maxDamage|logoMargin)"/.test(styleSection), 'the page leaves these to the API');
  t.same(
    [...styleSection.matchAll(/<input id="([^"]+)" type="checkbox"/g)].map((match) => match[1]),
    ['corner-square-same', 'corner-dot-same', 'logo-auto', 'caption-same'],
    'the page’s own switches have ids, not names',
  );
});

t.test('each builder’s form is made from its table: every field, secrets as password fields', async (t) => {
  for (const [type, form] of Object.entries(BUILDER_FORMS) as [string, BuilderForm][]) {
    t.match(BODY, `<option value="${type}">${form.label}</option>`, `${type} in What to encode`);
    // To the next builder's fieldset, or the end of the form: an address is a fieldset inside it.
    const set =
      new RegExp(
        `<fieldset data-type="${type}" hidden disabled>([\\s\\S]*?)</fieldset>\\s*(<fieldset data-type|<div|<details|<button)`,
      ).exec(BODY)?.[1] ?? '';
    const names = [...set.matchAll(/\sname="([^"]+)"/g)].map((match) => match[1]);
    t.same(
      names,
      form.fields.flatMap((field) =>
        field.parts ? field.parts.map((part) => `${type}.${field.name}.${part.name}`) : [`${type}.${field.name}`],
      ),
      `${type}: one control a field`,
    );
    for (const field of form.fields.filter((one) => one.kind === 'secret'))
      t.match(
        set,
        new RegExp(`<input name="${type}\\.${field.name}" type="password"[^>]* autocomplete="off"`),
        `${type}.${field.name} is kept out of form history`,
      );
  }
});

t.test('the script keeps nothing: no storage, no cookies, no history, no address changes', async (t) => {
  t.notMatch(
    SCRIPT,
    /localStorage|sessionStorage|indexedDB|document\.cookie|caches\.|history\.|location\s*=|location\.(href|search|hash)/,
  );
  t.notMatch(SCRIPT, /<\/script|<!--/i, 'nothing in the script ends the element it is inlined in');
  t.match(SCRIPT, /readAsDataURL/, 'a logo is read from the file, in the page');
});
