// What the page holds between events: never stored anywhere, gone with the page.
import type { RequestBody } from './api.js';

export interface Logo {
  readonly name: string;
  /** The file as a data: URL, read here: only ever sent in the body, never fetched. */
  readonly data: string;
}

export const state = {
  /** The logo read from the file chosen or dropped. */
  logo: null as Logo | null,
  /** Whether the person chose the error correction level (a logo leaves a chosen one alone). */
  levelChosen: false,
  // The live preview: after the first Generate, each change regenerates after a pause, one request at a time.
  live: false,
  inFlight: false,
  again: false,
  againExplicit: false,
  timer: 0,
  lastSent: '',
  /** What the image on show was made from. */
  shown: null as { body: RequestBody; format: string; src: string } | null,
};
