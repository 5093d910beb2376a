// The page's markup (GET /), made from the builders' table and the style choices: html.ts
// gives it to the route, and the build minifies it (build.mjs, minify-page).
import { BUILDER_FORMS, type BuilderForm, type FieldForm } from './builders.js';
import {
  CORNER_DOT_CHOICES,
  CORNER_SQUARE_CHOICES,
  DOT_STYLE_CHOICES,
  GRADIENT_CHOICES,
  LOGO_MAX_BYTES,
  LOGO_SIZE,
  LOGO_TYPES,
  type Choices,
} from './style-options.js';

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
