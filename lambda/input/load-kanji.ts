import type * as KanjiModule from './kanji-text.js';

/** Kanji mode's table and the check of a text against it (kanji-text.ts). */
export type Kanji = typeof KanjiModule;

let loaded: Promise<Kanji> | undefined;

/** Kanji mode's table and check, loaded on the first request that asks for Kanji. */
export const loadKanji = (): Promise<Kanji> => (loaded ??= import('./kanji-text.js'));
