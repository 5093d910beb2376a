// Generating: on Generate, and after it live, each change regenerating after a pause, one request at a time.
import { type ApiJson, post, type RequestBody } from './api.js';
import { builderOf, fieldInput } from './builders.js';
import {
  button,
  control,
  el,
  error,
  form,
  image,
  png,
  reducedMotion,
  result,
  style,
  svg,
  verified,
} from './elements.js';
import { imageLink } from './links.js';
import { request } from './request.js';
import { state } from './state.js';
import { describeData, ENCODING_FIELDS, STYLE_LABELS, say, UNREACHABLE, verifiedText } from './words.js';

const DEBOUNCE_MS = 400;

/** Something that can take the focus: the control an error is about, or a link. */
interface Focusable {
  readonly disabled?: boolean;
  focus(): void;
}

function busy(on: boolean): void {
  state.inFlight = on;
  button.disabled = on;
  button.textContent = on ? 'Generating…' : 'Generate';
  if (on) form.setAttribute('aria-busy', 'true');
  else form.removeAttribute('aria-busy');
  if (on && !result.hidden) result.setAttribute('aria-busy', 'true');
  else result.removeAttribute('aria-busy');
}

/** The control an error is about: in the Style section (opened) or the builder's fieldset, else the data. */
function fieldAtFault(field: string | undefined, body: RequestBody): Focusable | null {
  if (field && STYLE_LABELS[field]) {
    style.open = true;
    return control(field) || el.url;
  }
  if (field && ENCODING_FIELDS[field]) return el.encoding;
  const type = typeof body.type === 'string' ? body.type : '';
  if (field && type) return control(`${type}.${field}`);
  const chosen = builderOf(type);
  if (chosen?.fields[0]) return fieldInput(type, chosen.fields[0].name);
  return el.url;
}

/** An error: the image no longer shows these settings, so it goes; focus goes where the change is needed when the person asked. */
export function fail(message: string, explicit: boolean, focus: Focusable | null): void {
  result.hidden = true;
  state.shown = null;
  error.textContent = message;
  if (explicit && focus && !focus.disabled) focus.focus();
}

function show(json: ApiJson, body: RequestBody, explicit: boolean): void {
  image.src = `data:${json.content_type};base64,${json.qr_code}`;
  image.width = json.width ?? 0;
  image.height = json.height ?? 0;
  image.alt = `QR code for ${describeData(body)}`;
  state.shown = { body, format: json.format ?? '', src: image.src };
  png.href = json.format === 'png' && imageLink(body, 'png') === '#' ? image.src : imageLink(body, 'png');
  svg.href = json.format === 'svg' && imageLink(body, 'svg') === '#' ? image.src : imageLink(body, 'svg');
  verified.textContent = json.verified ? verifiedText(json.verified, body) : '';
  result.hidden = false;
  if (explicit) result.scrollIntoView({ block: 'nearest', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
}

/** Generates the code the form describes; `explicit` when the person asked (Generate), not a live change. */
export function run(explicit: boolean): void {
  clearTimeout(state.timer);
  if (state.inFlight) {
    state.again = true;
    state.againExplicit = state.againExplicit || explicit;
    return;
  }
  const { body, problem } = request();
  if (problem) {
    if (explicit) {
      error.textContent = '';
      fail(problem, true, el.url);
    } else {
      result.hidden = true;
      state.shown = null;
    }
    return;
  }
  const key = JSON.stringify(body);
  if (!explicit && key === state.lastSent) return;
  if (explicit) error.textContent = '';
  state.live = true;
  state.lastSent = key;
  busy(true);
  post(body)
    .then((answer) => {
      if (answer.status === -1) return fail(UNREACHABLE, explicit, fieldAtFault(undefined, body));
      if (!answer.ok)
        return fail(say(answer.status, answer.json, body), explicit, fieldAtFault(answer.json.field, body));
      error.textContent = '';
      show(answer.json, body, explicit);
    })
    .finally(() => {
      busy(false);
      if (state.again) {
        const next = state.againExplicit;
        state.again = state.againExplicit = false;
        run(next);
      }
    });
}

/** After the first Generate: regenerates once the person pauses. */
export function schedule(): void {
  if (!state.live) return;
  clearTimeout(state.timer);
  state.timer = window.setTimeout(() => run(false), DEBOUNCE_MS);
}

/** A link without an address ("#"): the other format of a code that cannot be named by a URL, asked for and saved here. */
export function save(event: MouseEvent): void {
  const link = event.currentTarget as HTMLAnchorElement;
  if (link.getAttribute('href') !== '#' || state.shown === null) return;
  event.preventDefault();
  const format = link === svg ? 'svg' : 'png';
  const body: RequestBody = Object.assign({}, state.shown.body, { format });
  post(body).then((answer) => {
    if (!answer.ok) return fail(answer.status === -1 ? UNREACHABLE : say(answer.status, answer.json, body), true, link);
    const file = document.createElement('a');
    file.href = `data:${answer.json.content_type};base64,${answer.json.qr_code}`;
    file.download = `qr.${format}`;
    document.body.appendChild(file);
    file.click();
    file.remove();
  });
}
