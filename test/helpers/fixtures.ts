/** The URL of the original tutorial's documented invocation. */
export const TUTORIAL_URL = 'https://www.youtube.com/@RayanSlim087';

/** Text that is not ASCII: CJK host, accents, an emoji outside the BMP. */
export const UTF8_TEXT = 'https://例え.jp/café?q=🎉&x=ünï';

/** Data that is not a URL at all. */
export const WIFI_TEXT = 'WIFI:T:WPA;S:My Network;P:p@ss;word;;';
