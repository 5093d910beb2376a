// The style choices the page offers, in the API's names (lambda/styled/options.ts reads them),
// with words for people. test/lambda/page/style-options.test.ts holds them to the API's own
// lists and limits.

/** A select's values and their words. */
export type Choices = readonly (readonly [value: string, label: string])[];

export const DOT_STYLE_CHOICES: Choices = [
  ['square', 'Square'],
  ['dots', 'Dots'],
  ['rounded', 'Rounded'],
  ['extra-rounded', 'Extra rounded'],
  ['classy', 'Classy'],
  ['classy-rounded', 'Classy rounded'],
];
export const CORNER_SQUARE_CHOICES: Choices = [
  ['square', 'Square'],
  ['dot', 'Round'],
  ['extra-rounded', 'Rounded'],
];
export const CORNER_DOT_CHOICES: Choices = [
  ['square', 'Square'],
  ['dot', 'Round'],
];
/** '' sends no gradient. */
export const GRADIENT_CHOICES: Choices = [
  ['', 'None'],
  ['linear', 'Linear'],
  ['radial', 'Radial'],
];

/** The largest logo the API takes, in bytes: a bigger file is refused before it is sent. */
export const LOGO_MAX_BYTES = 45 * 1024;
/** The logo's width as a share of the code's: the API's range, and the size it starts from (and may shrink) when none is sent. */
export const LOGO_SIZE = { min: 0.05, max: 0.4, auto: 0.2 } as const;
/** The share of each block's correction a style may use when the request does not say (`maxDamage`). */
export const MAX_DAMAGE = 0.5;
/** The image types a logo may be. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
