// The form read as a request to POST /generate, and the controls that only apply with another.
import type { RequestBody } from './api.js';
import { builder, fieldInput } from './builders.js';
import { checked, el, logoAuto, logoSizeShown, urlRow, what } from './elements.js';
import { state } from './state.js';
import { ASK_FOR_TEXT, percent } from './words.js';

/** Each control that only applies with another: off (and not sent) until it does. */
export function sync(): void {
  const chosen = builder();
  el.light.disabled = el.transparent.checked;
  el.cornerSquareColor.disabled = checked('corner-square-same');
  el.cornerDotColor.disabled = checked('corner-dot-same');
  el.gradientColor.disabled = el.gradient.value === '';
  el.gradientRotation.disabled = el.gradient.value !== 'linear';
  logoAuto.disabled = state.logo === null;
  el.logoSize.disabled = state.logo === null || logoAuto.checked;
  logoSizeShown.textContent = logoAuto.checked ? 'automatic' : percent(Number(el.logoSize.value));
  el.captionColor.disabled = checked('caption-same');
  urlRow.hidden = chosen !== null;
  el.url.disabled = chosen !== null;
  for (const set of document.querySelectorAll<HTMLFieldSetElement>('fieldset[data-type]')) {
    const on = set.getAttribute('data-type') === what.value;
    set.hidden = !on;
    set.disabled = !on;
  }
  if (chosen?.ecLevel) el.ecLevel.value = chosen.ecLevel;
  el.ecLevel.disabled = Boolean(chosen?.ecLevel);
}

/** The data as typed, or the builder's fields; an address is an object of the parts given, sent only when one is. */
function data(body: RequestBody): string {
  const chosen = builder();
  if (chosen === null) {
    body.url = el.url.value;
    return body.url === '' ? ASK_FOR_TEXT : '';
  }
  body.type = what.value;
  for (const field of chosen.fields) {
    if (field.parts) {
      const address: Record<string, string> = {};
      for (const part of field.parts) {
        const value = fieldInput(what.value, `${field.name}.${part.name}`).value;
        if (value !== '') address[part.name] = value;
      }
      if (Object.keys(address).length > 0) body[field.name] = address;
      continue;
    }
    const input = fieldInput(what.value, field.name);
    if (field.kind === 'checkbox') {
      if ((input as HTMLInputElement).checked) body[field.name] = true;
    } else if (input.value !== '') body[field.name] = input.value;
  }
  return '';
}

/**
 * The request: the data, the options as today, then only the style options that differ from
 * the plain code. `problem` is what stops it being sent.
 */
export function request(): { body: RequestBody; problem: string } {
  const body: RequestBody = {};
  const problem = data(body);
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
  if (state.logo !== null) {
    body.logo = state.logo.data;
    if (!el.logoSize.disabled) body.logoSize = Number(el.logoSize.value);
  }
  if (el.caption.value !== '') {
    body.caption = el.caption.value;
    if (!el.captionColor.disabled) body.captionColor = el.captionColor.value;
    if (el.captionSize.value !== '') body.captionSize = Number(el.captionSize.value);
  }
  return { body, problem };
}
