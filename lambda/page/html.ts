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
.options { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: .75rem; }
button { background: var(--accent); color: #fff; border: none; font-weight: 600; cursor: pointer; }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
#error { color: #b62324; background: #ffebe9; border-radius: .4rem; padding: .5rem .75rem; margin: .75rem 0 0; }
#error:empty { display: none; }
#result { margin-top: 1rem; display: grid; gap: .75rem; justify-items: center; }
#result[hidden] { display: none; }
#qr { max-width: 100%; height: auto; image-rendering: pixelated; background: #fff; }
.downloads { display: flex; gap: 1rem; flex-wrap: wrap; }
`;

export const SCRIPT = `
(function () {
  var form = document.getElementById('form');
  var error = document.getElementById('error');
  var result = document.getElementById('result');
  var image = document.getElementById('qr');
  var png = document.getElementById('download-png');
  var svg = document.getElementById('download-svg');

  function options() {
    return {
      url: form.elements.url.value,
      format: form.elements.format.value,
      size: Number(form.elements.size.value),
      ecLevel: form.elements.ecLevel.value,
      dark: form.elements.dark.value,
      light: form.elements.light.value
    };
  }

  function imageLink(body, format) {
    var query = new URLSearchParams({ url: body.url, format: format, size: String(body.size), ecLevel: body.ecLevel, dark: body.dark, light: body.light });
    return 'generate?' + query.toString();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    error.textContent = '';
    var body = options();
    form.setAttribute('aria-busy', 'true');
    fetch('generate', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (json) { return { ok: response.ok, status: response.status, json: json }; });
      })
      .then(function (answer) {
        if (!answer.ok) throw new Error(answer.json.error || ('The API answered ' + answer.status));
        image.src = 'data:' + answer.json.content_type + ';base64,' + answer.json.qr_code;
        image.width = answer.json.width;
        image.height = answer.json.height;
        image.alt = 'QR code for ' + body.url;
        png.href = imageLink(body, 'png');
        svg.href = imageLink(body, 'svg');
        result.hidden = false;
      })
      .catch(function (failure) {
        result.hidden = true;
        error.textContent = failure.message;
        form.elements.url.focus();
      })
      .finally(function () { form.removeAttribute('aria-busy'); });
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
    <label>Error correction<select name="ecLevel"><option value="L">L (7%)</option><option value="M">M (15%)</option><option value="Q">Q (25%)</option><option value="H">H (30%)</option></select></label>
    <label>Dark<input name="dark" type="color" value="#000000"></label>
    <label>Light<input name="light" type="color" value="#ffffff"></label>
  </div>
  <button type="submit">Generate</button>
</form>
<p id="error" role="alert" aria-live="assertive"></p>
<section id="result" hidden aria-label="Result">
  <img id="qr" alt="">
  <div class="downloads"><a id="download-png" download="qr.png">Download PNG</a><a id="download-svg" download="qr.svg">Download SVG</a></div>
</section>
</main>`;
