// The page at GET /: one self-contained document. Its style and script are hashed into
// the Content-Security-Policy (see route.ts), so nothing else can run or load.
// Written without template-literal syntax inside the script so it can live in a string.

export const STYLE = `
:root { color-scheme: light dark; --accent: #1f6feb; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem; display: flex; justify-content: center; }
main { width: 100%; max-width: 40rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
form { display: grid; gap: .75rem; }
label { display: grid; gap: .25rem; font-weight: 600; font-size: .9rem; }
input, select, button { font: inherit; padding: .5rem; border-radius: .4rem; border: 1px solid #8b949e; min-height: 2.5rem; }
input[type=color] { padding: .1rem; width: 100%; }
input[type=color]:disabled { opacity: .35; }
.options { display: grid; grid-template-columns: repeat(2, 1fr); gap: .75rem; align-items: start; }
@media (min-width: 36rem) { .options { grid-template-columns: repeat(3, 1fr); } }
.check { display: flex; align-items: center; gap: .4rem; font-weight: 400; font-size: .85rem; }
.check input { min-height: 0; margin: 0; }
button { background: var(--accent); color: #fff; border: none; font-weight: 600; cursor: pointer; display: inline-flex; align-items: center; justify-content: center; gap: .5rem; }
button:disabled { cursor: progress; opacity: .8; }
button:disabled::before { content: ""; width: 1em; height: 1em; border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%; animation: spin .8s linear infinite; }
@keyframes spin { to { transform: rotate(1turn); } }
@media (prefers-reduced-motion: reduce) { button:disabled::before { animation-duration: 3s; } }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
#error { color: #b62324; background: #ffebe9; border-radius: .4rem; padding: .5rem .75rem; margin: .75rem 0 0; }
#error:empty { display: none; }
#result { margin-top: 1rem; display: grid; gap: .75rem; justify-items: center; scroll-margin: 1rem; }
#result[hidden] { display: none; }
#qr { max-width: 100%; height: auto; image-rendering: pixelated; background: repeating-conic-gradient(#ddd 0 25%, #fff 0 50%) 0 0 / 16px 16px; }
.downloads { display: flex; gap: 1rem; flex-wrap: wrap; }
`;

export const SCRIPT = `
(function () {
  var form = document.getElementById('form');
  var button = form.querySelector('button');
  var error = document.getElementById('error');
  var result = document.getElementById('result');
  var image = document.getElementById('qr');
  var png = document.getElementById('download-png');
  var svg = document.getElementById('download-svg');
  var transparent = form.elements.transparent;
  var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  transparent.addEventListener('change', function () { form.elements.light.disabled = transparent.checked; });

  function options() {
    return {
      url: form.elements.url.value,
      format: form.elements.format.value,
      size: Number(form.elements.size.value),
      margin: Number(form.elements.margin.value),
      ecLevel: form.elements.ecLevel.value,
      dark: form.elements.dark.value,
      light: transparent.checked ? '#ffffff00' : form.elements.light.value
    };
  }

  function imageLink(body, format) {
    var query = new URLSearchParams({ url: body.url, format: format, size: String(body.size), margin: String(body.margin), ecLevel: body.ecLevel, dark: body.dark, light: body.light });
    return 'generate?' + query.toString();
  }

  var ASK_FOR_TEXT = 'Type a URL or some text to put in the code.';

  // The API's error codes and fields, in words for people (its messages are for programmers).
  var COLORS = ['same_colors', 'inverted_colors', 'low_contrast', 'dark_too_transparent', 'invalid_color'];
  function say(status, body) {
    var code = body.code, field = body.field;
    if (status === 429) return 'Too many codes at once. Wait a moment, then try again.';
    if (status >= 500 || status === 0) return 'The QR service had a problem. Try again in a moment.';
    if (code === 'data_too_large') return 'That is too much text for one QR code at this error correction level. Shorten it, or choose a lower level (L holds the most).';
    if (code === 'size_too_small') return 'This code needs at least ' + body.minimum + ' pixels. Choose a larger size.';
    if (code === 'out_of_range' && field === 'size') return 'Choose a size from ' + body.min + ' to ' + body.max + ' pixels.';
    if (code === 'out_of_range' && field === 'margin') return 'Choose a margin from ' + body.min + ' to ' + body.max + '.';
    if (field === 'url' || field === 'text') return ASK_FOR_TEXT;
    if (COLORS.indexOf(code) >= 0) return 'Scanners need a dark code on a light background: make Dark clearly darker than Light.';
    return 'These settings cannot make a code. Check them and try again.';
  }

  function busy(on) {
    button.disabled = on;
    button.textContent = on ? 'Generating…' : 'Generate';
    if (on) form.setAttribute('aria-busy', 'true'); else form.removeAttribute('aria-busy');
  }

  function fail(message) {
    result.hidden = true;
    error.textContent = message;
    form.elements.url.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (button.disabled) return;
    error.textContent = '';
    var body = options();
    if (body.url === '') return fail(ASK_FOR_TEXT);
    busy(true);
    fetch('generate', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(
          function (json) { return { status: response.status, ok: response.ok, json: json }; },
          function () { return { status: response.ok ? 500 : response.status, ok: false, json: {} }; }
        );
      }, function () {
        return { status: -1, ok: false, json: {} };
      })
      .then(function (answer) {
        if (answer.status === -1) return fail('Could not reach the QR service. Check your connection and try again.');
        if (!answer.ok) return fail(say(answer.status, answer.json));
        image.src = 'data:' + answer.json.content_type + ';base64,' + answer.json.qr_code;
        image.width = answer.json.width;
        image.height = answer.json.height;
        image.alt = 'QR code for ' + body.url;
        png.href = imageLink(body, 'png');
        svg.href = imageLink(body, 'svg');
        result.hidden = false;
        result.scrollIntoView({ block: 'nearest', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
      })
      .finally(function () { busy(false); });
  });
})();
`;

export const BODY = `<main>
<h1>QR code generator</h1>
<form id="form" novalidate>
  <label>URL or text<input name="url" type="text" autocomplete="url" placeholder="https://example.com" autofocus></label>
  <div class="options">
    <label>Format<select name="format"><option value="png">PNG</option><option value="svg">SVG</option></select></label>
    <label>Size (px)<input name="size" type="number" min="21" max="2048" step="1" value="300" inputmode="numeric"></label>
    <label>Margin (modules)<input name="margin" type="number" min="0" max="16" step="1" value="4" inputmode="numeric"></label>
    <label>Error correction<select name="ecLevel"><option value="L">L (7%)</option><option value="M">M (15%)</option><option value="Q">Q (25%)</option><option value="H">H (30%)</option></select></label>
    <label>Dark<input name="dark" type="color" value="#000000"></label>
    <div><label>Light<input name="light" type="color" value="#ffffff"></label><label class="check"><input name="transparent" type="checkbox">Transparent background</label></div>
  </div>
  <button type="submit">Generate</button>
</form>
<p id="error" role="alert" aria-live="assertive"></p>
<section id="result" hidden aria-label="Result">
  <img id="qr" alt="">
  <div class="downloads"><a id="download-png" download="qr.png">Download PNG</a><a id="download-svg" download="qr.svg">Download SVG</a></div>
</section>
</main>`;
