// The logo: read here as a data: URL, from the file chosen or dropped anywhere on the page; nothing is fetched.
import { LOGO_MAX_BYTES, LOGO_TYPES } from '../style-options.js';
import { drop, el, error, logoChosen, logoName, logoRemove, style } from './elements.js';
import { schedule } from './live.js';
import { sync } from './request.js';
import { state } from './state.js';

const kib = (bytes: number): number => Math.ceil(bytes / 1024);

function logoProblem(message: string): void {
  el.logo.value = '';
  error.textContent = message;
}

function takeLogo(file: File | undefined): void {
  if (!file) return;
  if ((LOGO_TYPES as readonly string[]).indexOf(file.type) < 0) {
    logoProblem(`“${file.name}” is not a PNG, JPEG or SVG image: a logo must be one of those.`);
    return;
  }
  if (file.size > LOGO_MAX_BYTES) {
    const most = Math.floor(LOGO_MAX_BYTES / 1024);
    logoProblem(
      `“${file.name}” is ${kib(file.size)} KiB; a logo may be at most ${most} KiB. Save it smaller (an SVG, or a PNG a few hundred pixels wide) and choose it again.`,
    );
    return;
  }
  const reader = new FileReader();
  reader.onload = () => {
    state.logo = { name: file.name, data: String(reader.result) };
    // A logo needs room the code's own level may not have: a level left at its default becomes Auto, so it can rise.
    if (!state.levelChosen && el.ecLevel.value === 'L' && !el.ecLevel.disabled) el.ecLevel.value = 'auto';
    logoName.textContent = `${file.name} (${kib(file.size)} KiB)`;
    logoChosen.hidden = false;
    error.textContent = '';
    sync();
    schedule();
  };
  reader.onerror = () => logoProblem(`“${file.name}” could not be read. Choose it again.`);
  reader.readAsDataURL(file);
}

const carriesFiles = (event: DragEvent): boolean =>
  event.dataTransfer !== null && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0;

/** The logo's controls: the file input, Remove, and a file dragged over or dropped on the page. */
export function watchLogo(): void {
  el.logo.addEventListener('change', () => takeLogo(el.logo.files?.[0]));
  logoRemove.addEventListener('click', () => {
    state.logo = null;
    el.logo.value = '';
    logoChosen.hidden = true;
    sync();
    schedule();
    el.logo.focus();
  });
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
    drop.classList.add('over');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) drop.classList.remove('over');
  });
  // A file dropped anywhere on the page is the logo (the browser would otherwise open it in place of the page).
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    drop.classList.remove('over');
    style.open = true;
    takeLogo(event.dataTransfer!.files[0]);
  });
}
