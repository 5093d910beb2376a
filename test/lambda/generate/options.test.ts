import t, { type Test } from 'tap';
import { LIMITS, parseQrSpec } from '../../../lambda/generate/options.js';
import { fieldsFromQuery } from '../../../lambda/generate/query-fields.js';

t.test('defaults: the tutorial geometry', async (t) => {
  t.same(parseQrSpec({ url: 'x' }), {
    text: 'x',
    format: 'png',
    formatGiven: false,
    size: undefined,
    margin: 4,
    ecLevel: 'L',
    ecLevelGiven: false,
    dark: { r: 0, g: 0, b: 0, a: 255 },
    light: { r: 255, g: 255, b: 255, a: 255 },
    type: undefined,
    secret: false,
    eci: false,
    kanji: undefined,
    canvas: undefined,
    style: undefined,
  });
});

t.test('every option, as JSON values and as query strings', async (t) => {
  const expected = {
    text: ' keep  spaces ',
    format: 'svg',
    formatGiven: true,
    size: 300,
    margin: 0,
    ecLevel: 'H',
    ecLevelGiven: true,
    dark: { r: 0x11, g: 0x22, b: 0x33, a: 255 },
    light: { r: 255, g: 255, b: 255, a: 0 },
    type: undefined,
    secret: false,
    eci: false,
    kanji: undefined,
    canvas: undefined,
    style: undefined,
  };
  t.same(
    parseQrSpec({
      text: ' keep  spaces ',
      format: 'SVG',
      size: 300,
      margin: 0,
      ecLevel: 'h',
      dark: '#123',
      light: '#ffffff00',
    }),
    expected,
  );
  t.same(
    parseQrSpec(
      fieldsFromQuery(
        new URLSearchParams('url=+keep++spaces+&format=svg&size=300&margin=0&ecLevel=H&dark=123&light=%23ffffff00'),
      ),
    ),
    expected,
  );
});

t.test('data is taken exactly as given: not trimmed, not required to be a URL', async (t) => {
  for (const text of ['WIFI:T:WPA;S:net;P:pw;;', 'mailto:a@example.com', '  ', '\n', '0', 'ünïcödé 🎉']) {
    t.equal(parseQrSpec({ url: text }).text, text);
  }
});

/** Refused with `status` and the stable `code`; `message`, where given, is what people read. */
const rejects = (t: Test, fields: Record<string, unknown>, status: number, code: string, message?: RegExp) =>
  t.throws(
    () => parseQrSpec(fields),
    { statusCode: status, code, ...(message && { message }) },
    `${JSON.stringify(fields).slice(0, 60)}: ${code}`,
  );

t.test('missing, empty or non-string data is a 400 naming the field', async (t) => {
  rejects(t, {}, 400, 'missing_field', /'url' is required/);
  rejects(t, { url: null }, 400, 'missing_field', /'url' is required/);
  rejects(t, { url: '' }, 400, 'empty_value', /'url' must not be empty/);
  rejects(t, { text: '' }, 400, 'empty_value', /'text' must not be empty/);
  rejects(t, { url: 42 }, 400, 'invalid_type', /'url' must be a string, not 42$/);
  rejects(t, { url: ['a'] }, 400, 'invalid_type', /'url' must be a string, not an array/);
  rejects(t, { url: { a: 1 } }, 400, 'invalid_type', /not an object/);
  rejects(t, { url: true }, 400, 'invalid_type', /not true$/);
  rejects(t, { url: 'a', text: 'b' }, 400, 'conflicting_options', /either 'url' or 'text'/);
  rejects(t, { url: 'a\ud800b' }, 400, 'invalid_text', /unpaired UTF-16 surrogate/);
});

t.test('text longer than any QR code can hold is a 413 that says the limit', async (t) => {
  rejects(
    t,
    { url: '1'.repeat(LIMITS.textLength + 1) },
    413,
    'data_too_large',
    /7090 characters long; no QR code holds more than 7089/,
  );
});

t.test('invalid options are 400s that say what is allowed', async (t) => {
  rejects(t, { url: 'a', format: 'gif' }, 400, 'invalid_value', /'format' must be one of png, svg, txt, not "gif"/);
  rejects(t, { url: 'a', format: 1 }, 400, 'invalid_value', /'format' must be one of png, svg/);
  rejects(t, { url: 'a', ecLevel: 'X' }, 400, 'invalid_value', /'ecLevel' must be one of L, M, Q, H/);
  for (const size of [20, 2049, 1.5, -1, '100px', '', ' 100', '1e3', null, true]) {
    rejects(t, { url: 'a', size }, 400, 'out_of_range', /'size' must be a whole number from 21 to 2048/);
  }
  for (const margin of [-1, 17, '4.0', 'four']) {
    rejects(t, { url: 'a', margin }, 400, 'out_of_range', /'margin' must be a whole number from 0 to 16/);
  }
  rejects(
    t,
    { url: 'a', dark: 'blue' },
    400,
    'invalid_color',
    /'dark' must be a hex color #RGB, #RGBA, #RRGGBB or #RRGGBBAA, not "blue"/,
  );
  rejects(t, { url: 'a', light: '#fff"><script>' }, 400, 'invalid_color', /'light' must be a hex color/);
  rejects(t, { url: 'a', dark: '#fff' }, 400, 'same_colors', /'dark' and 'light' must be different colors/);
  rejects(
    t,
    { url: 'a', colour: '#fff' },
    400,
    'unknown_option',
    /unknown option 'colour'; the options are: url, text, type, format, size, fit, margin, ecLevel, eci, mode, dark, light, private/,
  );
});

t.test('error messages quote at most a short prefix of what the client sent', async (t) => {
  const error = t.throws(() => parseQrSpec({ url: 'a', dark: 'x'.repeat(10_000) })) as Error;
  t.ok(error.message.length < 200, error.message);
});

t.test('prototype keys are options like any other: refused as unknown', async (t) => {
  t.throws(() => parseQrSpec(fieldsFromQuery(new URLSearchParams('url=a&__proto__=x'))), {
    statusCode: 400,
    message: /unknown option '__proto__'/,
  });
  t.throws(() => parseQrSpec(JSON.parse('{"url": "a", "__proto__": {"size": 5}}') as Record<string, unknown>), {
    statusCode: 400,
    message: /unknown option '__proto__'/,
  });
  t.throws(() => parseQrSpec({ url: 'a', constructor: 'x' }), {
    statusCode: 400,
    message: /unknown option 'constructor'/,
  });
});

t.test('only readable codes: dark modules on a light ground, at WCAG 3:1 or more, as they show on white', async (t) => {
  const refused: [Record<string, unknown>, string, RegExp][] = [
    [
      { dark: '777', light: '888' },
      'low_contrast',
      /'dark' #777777 and 'light' #888888 have a contrast of 1\.\d\d:1; scanners need at least 3:1/,
    ],
    [{ dark: '#0000' }, 'dark_too_transparent', /'dark' #00000000 is more than half transparent/],
    [{ dark: '#0000007f' }, 'dark_too_transparent', /more than half transparent/],
    [
      { dark: 'fff', light: '000' },
      'inverted_colors',
      /'dark' #ffffff and 'light' #000000: 'dark' must be the darker color; many scanners cannot read light modules on a dark ground/,
    ],
    [{ dark: '#333', light: '#000000' }, 'inverted_colors', /'dark' must be the darker color/],
    [{ dark: '#999', light: '#ffffff00' }, 'low_contrast', /contrast of 2\.\d\d:1/],
  ];
  for (const [colors, code, message] of refused)
    t.throws(
      () => parseQrSpec({ url: 'a', ...colors }),
      { statusCode: 400, code, message },
      `${JSON.stringify(colors)}: ${code}`,
    );
  const accepted: Record<string, unknown>[] = [
    { dark: '#000', light: '#fff' },
    { dark: '#767676', light: '#fff' }, // 4.5:1
    { dark: '#949494', light: '#fff' }, // just over 3:1
    { dark: '#000', light: '#ffffff00' }, // a transparent ground with opaque modules
    { dark: '#00000080', light: '#fff' }, // half transparent black is grey enough
    { dark: '#203040', light: '#fafad2' },
  ];
  for (const colors of accepted) t.doesNotThrow(() => parseQrSpec({ url: 'a', ...colors }), JSON.stringify(colors));
});

t.test('a refused contrast is shown rounded down, never as the 3:1 it falls short of', async (t) => {
  // #b178ff on white: 2.99999…:1, which rounds to 3.00.
  t.throws(() => parseQrSpec({ url: 'x', dark: '#b178ff' }), {
    code: 'low_contrast',
    message: /contrast of 2\.99:1; scanners need at least 3:1/,
    details: { contrast: 2.99, minimum: 3 },
  });
});

t.test('-0 is named as -0 where it is refused, and is 0 where 0 is allowed', async (t) => {
  rejects(t, { url: 'x', size: -0 }, 400, 'out_of_range', /not -0$/);
  rejects(t, { url: 'x', size: 300.5 }, 400, 'out_of_range', /must be a whole number from \d+ to \d+, not 300\.5$/);
  t.ok(Object.is(parseQrSpec({ url: 'x', margin: -0 }).margin, 0), 'margin -0 is margin 0');
});
