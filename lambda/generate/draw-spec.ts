import type { Fields } from '../input/fields.js';
import type { RenderSpec } from '../render/spec.js';

/** What a styled code needs beside a plain one's spec: its options, and whether the level may rise. */
export interface DrawSpec extends RenderSpec {
  /** The style options (lambda/styled/options.ts reads them); none: a plain code. */
  readonly style: Fields | undefined;
  /** Whether the client chose the level: a styled code then never raises it. */
  readonly ecLevelGiven: boolean;
  /** Defaults a dialect documents in place of /generate's (QuickChart's logo is 0.3 of the code). */
  readonly styleDefaults?: { readonly logoSize?: number };
  /**
   * What a dialect calls /generate's options, for the words of an error: its own name for
   * one, or null where it has none to offer (QuickChart's centerImageSizeRatio is logoSize,
   * and it takes no logoMargin). Unnamed options keep /generate's names.
   */
  readonly optionNames?: Readonly<Partial<Record<SuggestedOption, string | null>>>;
}

/** The options an `unscannable` error may suggest changing. */
export type SuggestedOption = 'logoSize' | 'logoMargin' | 'ecLevel' | 'maxDamage' | 'dotStyle';
