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
}
