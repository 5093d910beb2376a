// The page's elements, found once: the markup (../body.ts) has each of them.

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

export const form = byId<HTMLFormElement>('form');
export const button = byId<HTMLButtonElement>('generate');
export const what = byId<HTMLSelectElement>('type');
export const urlRow = byId<HTMLDivElement>('url-row');
export const style = byId<HTMLDetailsElement>('style');
export const error = byId<HTMLParagraphElement>('error');
export const result = byId<HTMLElement>('result');
export const image = byId<HTMLImageElement>('qr');
export const verified = byId<HTMLParagraphElement>('verified');
export const png = byId<HTMLAnchorElement>('download-png');
export const svg = byId<HTMLAnchorElement>('download-svg');
export const drop = byId<HTMLDivElement>('drop');
export const logoChosen = byId<HTMLParagraphElement>('logo-chosen');
export const logoName = byId<HTMLSpanElement>('logo-name');
export const logoSizeShown = byId<HTMLSpanElement>('logo-size-shown');
export const logoAuto = byId<HTMLInputElement>('logo-auto');
export const logoRemove = byId<HTMLButtonElement>('logo-remove');
export const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/** Whether one of the page's own switches (an id, not a name: never sent) is on. */
export const checked = (id: string): boolean => byId<HTMLInputElement>(id).checked;

/** A control the form sends, by its name; a builder's are named `type.field`. */
export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
export const control = (name: string): Control | null => form.elements.namedItem(name) as Control | null;

const input = (name: string): HTMLInputElement => control(name) as HTMLInputElement;
const select = (name: string): HTMLSelectElement => control(name) as HTMLSelectElement;

/** The form's controls, by the API's names (and the page's `encoding`, `transparent`). */
export const el = {
  url: input('url'),
  format: select('format'),
  size: input('size'),
  margin: input('margin'),
  ecLevel: select('ecLevel'),
  encoding: select('encoding'),
  dark: input('dark'),
  light: input('light'),
  transparent: input('transparent'),
  dotStyle: select('dotStyle'),
  cornerSquareStyle: select('cornerSquareStyle'),
  cornerSquareColor: input('cornerSquareColor'),
  cornerDotStyle: select('cornerDotStyle'),
  cornerDotColor: input('cornerDotColor'),
  gradient: select('gradient'),
  gradientColor: input('gradientColor'),
  gradientRotation: input('gradientRotation'),
  logo: input('logo'),
  logoSize: input('logoSize'),
  caption: input('caption'),
  captionColor: input('captionColor'),
  captionSize: input('captionSize'),
};
