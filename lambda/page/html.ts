// The page at GET /: one self-contained document. Its style and script are hashed into
// the Content-Security-Policy (see route.ts), so nothing else can run or load.
// Written without template-literal syntax inside the script so it can live in a string.
import { BUILDER_FORMS, type BuilderForm, type FieldForm } from './builders.js';
import {
  CORNER_DOT_CHOICES,
  CORNER_SQUARE_CHOICES,
  DOT_STYLE_CHOICES,
  GRADIENT_CHOICES,
  LOGO_MAX_BYTES,
  LOGO_SIZE,
  LOGO_TYPES,
  MAX_DAMAGE,
  type Choices,
} from './style-options.js';

export const STYLE = `
:root { color-scheme: light dark; --accent: #1f6feb; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem; display: flex; justify-content: center; }
main { width: 100%; max-width: 40rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
form, fieldset { display: grid; gap: .75rem; }
fieldset { border: none; margin: 0; padding: 0; min-width: 0; }
fieldset[hidden], #url-row[hidden] { display: none; }
.field { display: grid; gap: .25rem; }
legend { font-weight: 600; padding: 0; margin-bottom: .75rem; }
label { display: grid; gap: .25rem; font-weight: 600; font-size: .9rem; }
input, select, button, textarea { font: inherit; padding: .5rem; border-radius: .4rem; border: 1px solid #8b949e; min-height: 2.5rem; }
textarea { resize: vertical; }
/* Grid cells and their selects may be narrower than their longest choice: nothing pushes the page wider than a phone. */
input, select, textarea { min-width: 0; max-width: 100%; }
form > *, fieldset > *, .options > *, .style-options > *, label { min-width: 0; }
input[type=color] { padding: .1rem; width: 100%; }
input[type=color]:disabled, input[type=range]:disabled { opacity: .35; }
input[type=range] { padding: 0; border: none; min-height: 1.5rem; }
.options, .style-options { display: grid; grid-template-columns: repeat(2, 1fr); gap: .75rem; align-items: start; }
@media (min-width: 36rem) { .options, .style-options { grid-template-columns: repeat(3, 1fr); } }
.options > div { display: grid; gap: .5rem; }
.wide { grid-column: 1 / -1; }
.check { display: flex; align-items: center; gap: .4rem; font-weight: 400; font-size: .85rem; }
.check input { min-height: 0; margin: 0; }
.hint { margin: 0; font-weight: 400; font-size: .8rem; }
.required { font-weight: 400; }
button { background: var(--accent); color: #fff; border: none; font-weight: 600; cursor: pointer; display: inline-flex; align-items: center; justify-content: center; gap: .5rem; }
button.plain { background: none; color: inherit; border: 1px solid #8b949e; min-height: 2rem; padding: .25rem .5rem; }
#generate:disabled { cursor: progress; opacity: .8; }
#generate:disabled::before { content: ""; width: 1em; height: 1em; border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%; animation: spin .8s linear infinite; }
@keyframes spin { to { transform: rotate(1turn); } }
@media (prefers-reduced-motion: reduce) { #generate:disabled::before { animation-duration: 3s; } }
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
details { border: 1px solid #8b949e; border-radius: .4rem; padding: .5rem .75rem; }
summary { cursor: pointer; font-weight: 600; padding: .25rem 0; }
details[open] summary { margin-bottom: .75rem; }
#drop { border: 2px dashed #8b949e; border-radius: .4rem; padding: .75rem; display: grid; gap: .5rem; }
#drop.over { border-color: var(--accent); border-style: solid; }
#logo-chosen { display: flex; align-items: center; gap: .5rem; flex-wrap: wrap; margin: 0; font-size: .9rem; overflow-wrap: anywhere; }
#logo-chosen[hidden] { display: none; }
#error { color: #b62324; background: #ffebe9; border-radius: .4rem; padding: .5rem .75rem; margin: .75rem 0 0; }
#error:empty { display: none; }
#result { margin-top: 1rem; display: grid; gap: .75rem; justify-items: center; scroll-margin: 1rem; }
#result[hidden] { display: none; }
#result[aria-busy=true] #qr { opacity: .5; }
#qr { max-width: 100%; height: auto; image-rendering: pixelated; background: repeating-conic-gradient(#ddd 0 25%, #fff 0 50%) 0 0 / 16px 16px; }
#verified { margin: 0; font-size: .85rem; text-align: center; }
#verified:empty { display: none; }
.downloads { display: flex; gap: 1rem; flex-wrap: wrap; }
`;

/** What the script needs of each builder: its fields' names and words, and which are secret. */
const scriptBuilders = Object.fromEntries(
  Object.entries(BUILDER_FORMS).map(([type, form]: [string, BuilderForm]) => [
    type,
    {
      label: form.label,
      ecLevel: form.ecLevel ?? '',
      fields: form.fields.map((field) => ({
        name: field.name,
        label: field.label,
        checkbox: field.kind === 'checkbox',
        secret: field.kind === 'secret',
        parts: field.parts?.map((part) => part.name),
      })),
    },
  ]),
);

export const SCRIPT = `
(function () {
  var BUILDERS = ${JSON.stringify(scriptBuilders)};
  var LOGO_MAX_BYTES = ${LOGO_MAX_BYTES};
  var LOGO_TYPES = ${JSON.stringify(LOGO_TYPES)};
  var LOGO_AUTO = ${LOGO_SIZE.auto};
  var MAX_DAMAGE = ${MAX_DAMAGE};
  // Words for the API's style fields, in its error answers.
  var STYLE_LABELS = { dotStyle: 'Dot style', cornerSquareStyle: 'Corner squares', cornerSquareColor: 'Corner square colour', cornerDotStyle: 'Corner dots', cornerDotColor: 'Corner dot colour', gradient: 'Gradient', gradientColor: 'Gradient colour', gradientRotation: 'Gradient angle', logo: 'Logo', logoSize: 'Logo size', caption: 'Caption', captionColor: 'Caption colour', captionSize: 'Caption text size' };
  var ENCODING_FIELDS = { eci: true, mode: true };
  var DEBOUNCE_MS = 400;

  var form = document.getElementById('form');
  var el = form.elements;
  var button = document.getElementById('generate');
  var what = document.getElementById('type');
  var urlRow = document.getElementById('url-row');
  var style = document.getElementById('style');
  var error = document.getElementById('error');
  var result = document.getElementById('result');
  var image = document.getElementById('qr');
  var verified = document.getElementById('verified');
  var png = document.getElementById('download-png');
  var svg = document.getElementById('download-svg');
  var drop = document.getElementById('drop');
  var logoChosen = document.getElementById('logo-chosen');
  var logoName = document.getElementById('logo-name');
  var logoSizeShown = document.getElementById('logo-size-shown');
  var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  // The logo read from the file chosen or dropped: only ever sent in the body, never fetched.
  var logo = null;
  // Whether the person chose the error correction level (a logo leaves a chosen one alone).
  var levelChosen = false;
  // The live preview: after the first Generate, each change regenerates after a pause, one request at a time.
  var live = false, inFlight = false, again = false, againExplicit = false, timer = 0, lastSent = '';
  // What the image on show was made from.
  var shown = null;

  function checked(id) { return document.getElementById(id).checked; }

  function builder() { return what.value === '' ? null : BUILDERS[what.value]; }

  // Each control that only applies with another: off (and not sent) until it does.
  function sync() {
    var chosen = builder();
    el.light.disabled = el.transparent.checked;
    el.cornerSquareColor.disabled = checked('corner-square-same');
    el.cornerDotColor.disabled = checked('corner-dot-same');
    el.gradientColor.disabled = el.gradient.value === '';
    el.gradientRotation.disabled = el.gradient.value !== 'linear';
    document.getElementById('logo-auto').disabled = logo === null;
    el.logoSize.disabled = logo === null || checked('logo-auto');
    logoSizeShown.textContent = checked('logo-auto') ? 'automatic' : percent(Number(el.logoSize.value));
    el.captionColor.disabled = checked('caption-same');
    urlRow.hidden = chosen !== null;
    el.url.disabled = chosen !== null;
    Array.prototype.forEach.call(document.querySelectorAll('fieldset[data-type]'), function (set) {
      var on = set.getAttribute('data-type') === what.value;
      set.hidden = !on;
      set.disabled = !on;
    });
    if (chosen && chosen.ecLevel) el.ecLevel.value = chosen.ecLevel;
    el.ecLevel.disabled = Boolean(chosen && chosen.ecLevel);
  }

  function fieldInput(type, name) { return el[type + '.' + name]; }

  // The request: the data (as typed, or a builder's fields), the options as today, then only the style options that differ from the plain code.
  function request() {
    var body = {}, chosen = builder(), problem = '';
    if (chosen === null) {
      body.url = el.url.value;
      if (body.url === '') problem = ASK_FOR_TEXT;
    } else {
      body.type = what.value;
      chosen.fields.forEach(function (field) {
        if (field.parts) {
          // An address: an object of the parts given, sent only when one is.
          var address = {};
          field.parts.forEach(function (part) {
            var value = fieldInput(what.value, field.name + '.' + part).value;
            if (value !== '') address[part] = value;
          });
          if (Object.keys(address).length > 0) body[field.name] = address;
          return;
        }
        var input = fieldInput(what.value, field.name);
        if (field.checkbox) { if (input.checked) body[field.name] = true; }
        else if (input.value !== '') body[field.name] = input.value;
      });
    }
    body.format = el.format.value;
    body.size = Number(el.size.value);
    body.margin = Number(el.margin.value);
    // Auto: none sent, so a styled code may rise to the level it needs (a plain one is drawn at L).
    if (el.ecLevel.value !== 'auto') body.ecLevel = el.ecLevel.value;
    // UTF-8 is the default; ECI marks it for readers that would guess, Kanji mode packs Japanese tighter.
    if (el.encoding.value === 'eci') body.eci = true;
    if (el.encoding.value === 'kanji') body.mode = 'kanji';
    body.dark = el.dark.value;
    body.light = el.transparent.checked ? '#ffffff00' : el.light.value;
    if (el.dotStyle.value !== 'square') body.dotStyle = el.dotStyle.value;
    if (el.cornerSquareStyle.value !== 'square') body.cornerSquareStyle = el.cornerSquareStyle.value;
    if (!el.cornerSquareColor.disabled) body.cornerSquareColor = el.cornerSquareColor.value;
    if (el.cornerDotStyle.value !== 'square') body.cornerDotStyle = el.cornerDotStyle.value;
    if (!el.cornerDotColor.disabled) body.cornerDotColor = el.cornerDotColor.value;
    if (el.gradient.value !== '') {
      body.gradient = el.gradient.value;
      body.gradientColor = el.gradientColor.value;
      if (el.gradient.value === 'linear') body.gradientRotation = Number(el.gradientRotation.value);
    }
    if (logo !== null) {
      body.logo = logo.data;
      if (!el.logoSize.disabled) body.logoSize = Number(el.logoSize.value);
    }
    if (el.caption.value !== '') {
      body.caption = el.caption.value;
      if (!el.captionColor.disabled) body.captionColor = el.captionColor.value;
      if (el.captionSize.value !== '') body.captionSize = Number(el.captionSize.value);
    }
    return { body: body, problem: problem };
  }

  function holdsSecret(body) {
    var chosen = body.type ? BUILDERS[body.type] : null;
    return Boolean(chosen && chosen.fields.some(function (field) { return field.secret && body[field.name] !== undefined; }));
  }

  // A link that names the image by its URL, as the GET route takes it: never for a secret, a
  // logo (too long for a URL) or an address (GET takes no objects); those are saved from the
  // page instead (href "#").
  function imageLink(body, format) {
    var nested = Object.keys(body).some(function (name) { return typeof body[name] === 'object'; });
    if (body.logo !== undefined || nested || holdsSecret(body)) return '#';
    var query = new URLSearchParams();
    Object.keys(body).forEach(function (name) { query.set(name, name === 'format' ? format : String(body[name])); });
    var link = 'generate?' + query.toString();
    return link.length > 4000 ? '#' : link;
  }

  function describeData(body) {
    if (!body.type) return body.url;
    var chosen = BUILDERS[body.type];
    var first = chosen.fields.filter(function (field) { return !field.secret && !field.checkbox && body[field.name] !== undefined; })[0];
    return chosen.label + (first ? ': ' + body[first.name] : '');
  }

  var ASK_FOR_TEXT = 'Type a URL or some text to put in the code.';

  function percent(share) { return Math.round(share * 100) + '%'; }
  function list(items) { return items.length < 2 ? items.join('') : items.slice(0, -1).join(', ') + ' or ' + items[items.length - 1]; }

  // The label a field of the request has on this page.
  function labelOf(field, body) {
    if (STYLE_LABELS[field]) return STYLE_LABELS[field];
    if (ENCODING_FIELDS[field]) return 'Text encoding';
    var chosen = body.type ? BUILDERS[body.type] : null;
    var found = chosen && chosen.fields.filter(function (one) { return one.name === field; })[0];
    return found ? found.label : '';
  }

  // An API message with its quoted field names in this page's words.
  function inOurWords(message, body) {
    var text = String(message || '').replace(/'([A-Za-z]+)'/g, function (whole, name) {
      var label = labelOf(name, body);
      return label ? '“' + label + '”' : whole;
    });
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  }

  function unscannable(answer, body) {
    var at = 'at error correction level ' + answer.ecLevel + (answer.logoSize !== undefined ? ' with the logo ' + percent(answer.logoSize) + ' wide' : '');
    var why = answer.unreadBy ? 'a scanner could not read it' : answer.functionModules > 0 ? 'the style covers parts of the code every scanner needs' : 'one block has ' + answer.wrongCodewords + ' damaged codewords where ' + answer.budget + ' are allowed';
    var tries = [];
    if (body.logo !== undefined) tries.push('a smaller logo');
    if (body.ecLevel !== undefined && answer.ecLevel !== 'H' && !el.ecLevel.disabled) tries.push('a higher error correction level');
    tries.push('a plainer dot or corner style');
    return 'This design would not scan reliably ' + at + ': ' + why + '. Try ' + list(tries) + '.';
  }

  // The API's error codes and fields, in words for people (its messages are for programmers).
  var COLORS = ['same_colors', 'inverted_colors', 'low_contrast', 'dark_too_transparent', 'invalid_color'];
  function say(status, answer, body) {
    var code = answer.code, field = answer.field;
    if (status === 429) return 'Too many codes at once. Wait a moment, then try again.';
    if (status >= 500 || status === 0) return 'The QR service had a problem. Try again in a moment.';
    if (code === 'unscannable') return unscannable(answer, body);
    if (code === 'data_too_large') return 'That is too much text for one QR code at this error correction level. Shorten it, or choose a lower level (L holds the most).';
    if (code === 'size_too_small') return 'This code needs at least ' + answer.minimum + ' pixels. Choose a larger size.';
    if (code === 'out_of_range' && field === 'size') return 'Choose a size from ' + answer.min + ' to ' + answer.max + ' pixels.';
    if (code === 'out_of_range' && field === 'margin') return 'Choose a margin from ' + answer.min + ' to ' + answer.max + '.';
    if (field === 'url' || field === 'text') return ASK_FOR_TEXT;
    if (field === 'logo' && code === 'out_of_range') return 'That logo is too large: a logo may be at most ' + Math.floor(LOGO_MAX_BYTES / 1024) + ' KiB.';
    if (field === 'logo') return 'That logo is not a PNG, JPEG or SVG image the code can hold.';
    if (COLORS.indexOf(code) >= 0) return 'Scanners need a dark code on a light background: make ' + (labelOf(field, body) || 'Dark') + ' clearly darker than Light.';
    if (code === 'unknown_option' && labelOf(field, body)) return 'The QR service does not take “' + labelOf(field, body) + '” yet: clear it and try again.';
    if (field && labelOf(field, body)) return inOurWords(answer.error, body);
    return 'These settings cannot make a code. Check them and try again.';
  }

  function busy(on) {
    inFlight = on;
    button.disabled = on;
    button.textContent = on ? 'Generating…' : 'Generate';
    if (on) form.setAttribute('aria-busy', 'true'); else form.removeAttribute('aria-busy');
    if (on && !result.hidden) result.setAttribute('aria-busy', 'true'); else result.removeAttribute('aria-busy');
  }

  // The control an error is about: in the Style section (opened) or the builder's fieldset, else the data.
  function fieldAtFault(field, body) {
    if (field && STYLE_LABELS[field]) { style.open = true; return el[field] || el.url; }
    if (field && ENCODING_FIELDS[field]) return el.encoding;
    if (field && body.type) return fieldInput(body.type, field);
    if (body.type) return fieldInput(body.type, BUILDERS[body.type].fields[0].name);
    return el.url;
  }

  // An error: the image no longer shows these settings, so it goes; focus goes where the change is needed when the person asked.
  function fail(message, explicit, focus) {
    result.hidden = true;
    shown = null;
    error.textContent = message;
    if (explicit && focus && !focus.disabled) focus.focus();
  }

  function post(body) {
    return fetch('generate', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(
          function (json) { return { status: response.status, ok: response.ok, json: json }; },
          function () { return { status: response.ok ? 500 : response.status, ok: false, json: {} }; }
        );
      }, function () {
        return { status: -1, ok: false, json: {} };
      });
  }

  function verifiedText(check, body) {
    var text = 'Read by ' + check.decoders.length + ' decoders (' + check.decoders.join(', ') + ') at ' + check.sizes.join(' and ') + ' px · level ' + check.ec_level +
      ' · worst block uses ' + percent(check.worst_block_share) + ' of its error correction (' + percent(MAX_DAMAGE) + ' allowed)';
    if (check.logo_size !== undefined) text += ' · logo ' + percent(check.logo_size) + ' wide' + (body.logoSize === undefined && check.logo_size < LOGO_AUTO ? ', made smaller so it scans' : '');
    return text;
  }

  function show(json, body, explicit) {
    image.src = 'data:' + json.content_type + ';base64,' + json.qr_code;
    image.width = json.width;
    image.height = json.height;
    image.alt = 'QR code for ' + describeData(body);
    shown = { body: body, format: json.format, src: image.src };
    png.href = json.format === 'png' && imageLink(body, 'png') === '#' ? image.src : imageLink(body, 'png');
    svg.href = json.format === 'svg' && imageLink(body, 'svg') === '#' ? image.src : imageLink(body, 'svg');
    verified.textContent = json.verified ? verifiedText(json.verified, body) : '';
    result.hidden = false;
    if (explicit) result.scrollIntoView({ block: 'nearest', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
  }

  function run(explicit) {
    clearTimeout(timer);
    if (inFlight) { again = true; againExplicit = againExplicit || explicit; return; }
    var made = request(), body = made.body;
    if (made.problem) {
      if (explicit) { error.textContent = ''; fail(made.problem, true, el.url); }
      else { result.hidden = true; shown = null; }
      return;
    }
    var key = JSON.stringify(body);
    if (!explicit && key === lastSent) return;
    if (explicit) error.textContent = '';
    live = true;
    lastSent = key;
    busy(true);
    post(body)
      .then(function (answer) {
        if (answer.status === -1) return fail('Could not reach the QR service. Check your connection and try again.', explicit, fieldAtFault(undefined, body));
        if (!answer.ok) return fail(say(answer.status, answer.json, body), explicit, fieldAtFault(answer.json.field, body));
        error.textContent = '';
        show(answer.json, body, explicit);
      })
      .finally(function () {
        busy(false);
        if (again) {
          var next = againExplicit;
          again = againExplicit = false;
          run(next);
        }
      });
  }

  function schedule() {
    if (!live) return;
    clearTimeout(timer);
    timer = setTimeout(function () { run(false); }, DEBOUNCE_MS);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run(true);
  });
  form.addEventListener('change', function () { sync(); schedule(); });
  form.addEventListener('input', function () { sync(); schedule(); });

  // A link without an address ("#"): the other format of a code that cannot be named by a URL, asked for and saved here.
  function save(event) {
    var link = event.currentTarget;
    if (link.getAttribute('href') !== '#' || shown === null) return;
    event.preventDefault();
    var format = link === svg ? 'svg' : 'png';
    var body = Object.assign({}, shown.body, { format: format });
    post(body).then(function (answer) {
      if (!answer.ok) return fail(answer.status === -1 ? 'Could not reach the QR service. Check your connection and try again.' : say(answer.status, answer.json, body), true, link);
      var file = document.createElement('a');
      file.href = 'data:' + answer.json.content_type + ';base64,' + answer.json.qr_code;
      file.download = 'qr.' + format;
      document.body.appendChild(file);
      file.click();
      file.remove();
    });
  }
  png.addEventListener('click', save);
  svg.addEventListener('click', save);

  // The logo: read here as a data: URL, from the file chosen or dropped; nothing is fetched.
  function kib(bytes) { return Math.ceil(bytes / 1024); }
  function logoProblem(message) {
    el.logo.value = '';
    error.textContent = message;
  }
  function takeLogo(file) {
    if (!file) return;
    if (LOGO_TYPES.indexOf(file.type) < 0) return logoProblem('“' + file.name + '” is not a PNG, JPEG or SVG image: a logo must be one of those.');
    if (file.size > LOGO_MAX_BYTES) return logoProblem('“' + file.name + '” is ' + kib(file.size) + ' KiB; a logo may be at most ' + Math.floor(LOGO_MAX_BYTES / 1024) + ' KiB. Save it smaller (an SVG, or a PNG a few hundred pixels wide) and choose it again.');
    var reader = new FileReader();
    reader.onload = function () {
      logo = { name: file.name, data: String(reader.result) };
      // A logo needs room the code's own level may not have: a level left at its default becomes Auto, so it can rise.
      if (!levelChosen && el.ecLevel.value === 'L' && !el.ecLevel.disabled) el.ecLevel.value = 'auto';
      logoName.textContent = file.name + ' (' + kib(file.size) + ' KiB)';
      logoChosen.hidden = false;
      error.textContent = '';
      sync();
      schedule();
    };
    reader.onerror = function () { logoProblem('“' + file.name + '” could not be read. Choose it again.'); };
    reader.readAsDataURL(file);
  }
  el.logo.addEventListener('change', function () { takeLogo(el.logo.files[0]); });
  el.ecLevel.addEventListener('change', function () { levelChosen = true; });
  document.getElementById('logo-remove').addEventListener('click', function () {
    logo = null;
    el.logo.value = '';
    logoChosen.hidden = true;
    sync();
    schedule();
    el.logo.focus();
  });
  function carriesFiles(event) { return Boolean(event.dataTransfer) && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0; }
  document.addEventListener('dragover', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    drop.classList.add('over');
  });
  document.addEventListener('dragleave', function (event) { if (event.relatedTarget === null) drop.classList.remove('over'); });
  // A file dropped anywhere on the page is the logo (the browser would otherwise open it in place of the page).
  document.addEventListener('drop', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    drop.classList.remove('over');
    style.open = true;
    takeLogo(event.dataTransfer.files[0]);
  });

  sync();
})();
`;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const options = (choices: Choices): string =>
  choices.map(([value, label]) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`).join('');

const INPUT_TYPES: Record<string, string> = {
  secret: 'password',
  email: 'email',
  tel: 'tel',
  url: 'url',
  date: 'date',
};

/** One builder field: named `type.field` so that the same API name in two builders stays two controls. */
function fieldMarkup(type: string, field: FieldForm): string {
  const name = `${type}.${field.name}`;
  const words = `${escapeHtml(field.label)}${field.required ? ' <span class="required">(required)</span>' : ''}`;
  const required = field.required ? ' required' : '';
  const placeholder = field.placeholder ? ` placeholder="${escapeHtml(field.placeholder)}"` : '';
  switch (field.kind) {
    case 'address':
      return `<fieldset class="address"><legend>${words}</legend>${(field.parts ?? []).map((part) => fieldMarkup(`${type}.${field.name}`, part)).join('')}</fieldset>`;
    case 'checkbox':
      return `<label class="check"><input name="${name}" type="checkbox">${words}</label>`;
    case 'select':
      return `<label>${words}<select name="${name}">${options(field.choices ?? [])}</select></label>`;
    case 'textarea':
      return `<label>${words}<textarea name="${name}" rows="3"${required}${placeholder}></textarea></label>`;
    default: {
      const kind = field.kind ?? 'text';
      // A secret is kept out of the browser's form history and password store.
      const extra =
        kind === 'secret'
          ? ' autocomplete="off" spellcheck="false"'
          : field.decimal
            ? ' inputmode="decimal"'
            : kind === 'text'
              ? ''
              : ` autocomplete="${kind === 'tel' ? 'tel' : kind === 'email' ? 'email' : 'off'}"`;
      return `<label>${words}<input name="${name}" type="${INPUT_TYPES[kind] ?? 'text'}"${required}${placeholder}${extra}></label>`;
    }
  }
}

const builderFieldsets = Object.entries(BUILDER_FORMS)
  .map(
    ([type, form]: [string, BuilderForm]) =>
      `<fieldset data-type="${type}" hidden disabled><legend>${escapeHtml(form.label)}</legend>${form.fields.map((field) => fieldMarkup(type, field)).join('')}</fieldset>`,
  )
  .join('\n  ');

const builderOptions = Object.entries(BUILDER_FORMS)
  .map(([type, form]: [string, BuilderForm]) => `<option value="${type}">${escapeHtml(form.label)}</option>`)
  .join('');

const kib = Math.floor(LOGO_MAX_BYTES / 1024);

export const BODY = `<main>
<h1>QR code generator</h1>
<form id="form" novalidate>
  <div class="field"><label for="type">What to encode</label><select id="type"><option value="">URL or text</option>${builderOptions}</select></div>
  <div id="url-row"><label>URL or text<input name="url" type="text" autocomplete="url" placeholder="https://example.com" autofocus></label></div>
  ${builderFieldsets}
  <div class="options">
    <label>Format<select name="format"><option value="png">PNG</option><option value="svg">SVG</option></select></label>
    <label>Size (px)<input name="size" type="number" min="21" max="2048" step="1" value="300" inputmode="numeric"></label>
    <label>Margin (modules)<input name="margin" type="number" min="0" max="16" step="1" value="4" inputmode="numeric"></label>
    <div><label>Error correction<select name="ecLevel"><option value="L">L (7%)</option><option value="M">M (15%)</option><option value="Q">Q (25%)</option><option value="H">H (30%)</option><option value="auto">Auto</option></select></label><label>Text encoding<select name="encoding"><option value="">UTF-8</option><option value="eci">UTF-8, marked (ECI)</option><option value="kanji">Kanji (Shift JIS)</option></select></label></div>
    <label>Dark<input name="dark" type="color" value="#000000"></label>
    <div><label>Light<input name="light" type="color" value="#ffffff"></label><label class="check"><input name="transparent" type="checkbox">Transparent background</label></div>
  </div>
  <button id="generate" type="submit">Generate</button>
  <details id="style">
    <summary>Style</summary>
    <div class="style-options">
      <label>Dot style<select name="dotStyle">${options(DOT_STYLE_CHOICES)}</select></label>
      <label>Corner squares<select name="cornerSquareStyle">${options(CORNER_SQUARE_CHOICES)}</select></label>
      <div><label>Corner square colour<input name="cornerSquareColor" type="color" value="#000000" disabled></label><label class="check"><input id="corner-square-same" type="checkbox" checked>Same as the dots</label></div>
      <label>Corner dots<select name="cornerDotStyle">${options(CORNER_DOT_CHOICES)}</select></label>
      <div><label>Corner dot colour<input name="cornerDotColor" type="color" value="#000000" disabled></label><label class="check"><input id="corner-dot-same" type="checkbox" checked>Same as the dots</label></div>
      <label>Gradient<select name="gradient">${options(GRADIENT_CHOICES)}</select></label>
      <label>Gradient colour<input name="gradientColor" type="color" value="#1f6feb" disabled></label>
      <label>Gradient angle (°)<input name="gradientRotation" type="number" min="0" max="360" step="1" value="0" inputmode="numeric" disabled></label>
      <div id="drop" class="wide">
        <label>Logo<input name="logo" type="file" accept="${LOGO_TYPES.join(',')}"></label>
        <p class="hint">PNG, JPEG or SVG, at most ${kib} KiB: choose a file, or drop one anywhere on the page. It is sent only with the code it goes in.</p>
        <p id="logo-chosen" hidden><span id="logo-name"></span><button id="logo-remove" class="plain" type="button">Remove logo</button></p>
      </div>
      <div class="wide"><label>Logo size <span id="logo-size-shown" class="hint"></span><input name="logoSize" type="range" min="${LOGO_SIZE.min}" max="${LOGO_SIZE.max}" step="0.01" value="${LOGO_SIZE.auto}" disabled></label><label class="check"><input id="logo-auto" type="checkbox" checked disabled>Automatic: ${Math.round(LOGO_SIZE.auto * 100)}%, made smaller if the code needs it</label></div>
      <label class="wide">Caption<input name="caption" type="text" placeholder="Text under the code"></label>
      <div><label>Caption colour<input name="captionColor" type="color" value="#000000" disabled></label><label class="check"><input id="caption-same" type="checkbox" checked>Same as the dots</label></div>
      <label>Caption text size<input name="captionSize" type="number" min="1" step="1" placeholder="Automatic" inputmode="numeric"></label>
    </div>
  </details>
</form>
<p id="error" role="alert" aria-live="assertive"></p>
<section id="result" hidden aria-label="Result">
  <img id="qr" alt="">
  <p id="verified" aria-live="polite"></p>
  <div class="downloads"><a id="download-png" download="qr.png">Download PNG</a><a id="download-svg" download="qr.svg">Download SVG</a></div>
</section>
</main>`;
