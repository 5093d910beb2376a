// The page's script (GET /): lambda/page/html.ts bundles it from here with esbuild into one
// script, which the page inlines and its Content-Security-Policy hashes. It keeps nothing: no
// storage, no cookies, no history, no address changes.
import { el, form, png, svg } from './elements.js';
import { run, save, schedule } from './live.js';
import { watchLogo } from './logo.js';
import { sync } from './request.js';
import { state } from './state.js';

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run(true);
});
form.addEventListener('change', () => {
  sync();
  schedule();
});
form.addEventListener('input', () => {
  sync();
  schedule();
});
png.addEventListener('click', save);
svg.addEventListener('click', save);
el.ecLevel.addEventListener('change', () => {
  state.levelChosen = true;
});
watchLogo();
sync();
