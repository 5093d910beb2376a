import { badRequest } from '../errors.js';
import { choiceField } from '../input/choice.js';
import type { Fields } from '../input/fields.js';
import { numberField } from '../input/number.js';
import { textField } from '../input/text.js';
import { parseColor, readableColors } from '../generate/readable-colors.js';
import type { Rgba } from '../render/color.js';
import { CAPTION_LIMITS, captionText, type Caption } from './caption.js';
import { parseLogo, type Logo } from './logo.js';

export const DOT_STYLES = ['square', 'dots', 'rounded', 'extra-rounded', 'classy', 'classy-rounded'] as const;
export const CORNER_SQUARE_STYLES = ['square', 'dot', 'extra-rounded'] as const;
export const CORNER_DOT_STYLES = ['square', 'dot'] as const;
export const GRADIENTS = ['linear', 'radial'] as const;

export type DotStyle = (typeof DOT_STYLES)[number];
export type CornerSquareStyle = (typeof CORNER_SQUARE_STYLES)[number];
export type CornerDotStyle = (typeof CORNER_DOT_STYLES)[number];

export interface Gradient {
  readonly type: (typeof GRADIENTS)[number];
  /** The colour it runs to from `dark`. */
  readonly to: Rgba;
  /** Degrees, clockwise from left-to-right (linear only). */
  readonly rotation: number;
}

/** How a styled code is drawn. */
export interface Style {
  readonly dotStyle: DotStyle;
  readonly cornerSquareStyle: CornerSquareStyle;
  readonly cornerSquareColor: Rgba | undefined;
  readonly cornerDotStyle: CornerDotStyle;
  readonly cornerDotColor: Rgba | undefined;
  readonly gradient: Gradient | undefined;
  readonly logo: Logo | undefined;
  /** The logo's width as a share of the symbol's, and whether the client chose it (else it may shrink). */
  readonly logoSize: number;
  readonly logoSizeGiven: boolean;
  /** Modules cleared around the logo. */
  readonly logoMargin: number;
  /** The most of each block's correction capacity the style may use. */
  readonly maxDamage: number;
  /**
   * The logo is a payload's overlay (the Swiss QR code's cross), which its format puts over the
   * centre's alignment pattern: those function modules may read wrong, and the decoders judge.
   * Set by parseQrSpec from the payload, never by a client (it refuses an unknown option).
   */
  readonly overlay: boolean;
  /** Text under the code. */
  readonly caption: Caption | undefined;
}

export const STYLE_DEFAULTS = { logoSize: 0.2, logoMargin: 1, maxDamage: 0.5 } as const;

/**
 * The style options, read through the input layer. Every extra colour is held to the same
 * rules as `dark` against `light`.
 */
export function parseStyle(fields: Fields, light: Rgba, defaults: { logoSize?: number } = {}): Style {
  const color = (name: string): Rgba | undefined => {
    const value = parseColor(fields, name);
    return value && readableColors(value, light, { dark: name, light: 'light' }).dark;
  };
  const gradientType = choiceField(fields, 'gradient', GRADIENTS);
  const gradientColor = color('gradientColor');
  const gradientRotation = numberField(fields, 'gradientRotation', { min: 0, max: 360 });
  if (gradientType === undefined && (gradientColor !== undefined || gradientRotation !== undefined))
    throw notWithout(gradientColor !== undefined ? 'gradientColor' : 'gradientRotation', 'gradient');
  if (gradientType !== undefined && gradientColor === undefined)
    throw missing('gradientColor', "the colour the gradient runs to from 'dark'");
  const logoText = textField(fields, 'logo', { max: 64 * 1024, multiline: true });
  const logoSize = numberField(fields, 'logoSize', { min: 0.05, max: 0.4 });
  const logoMargin = numberField(fields, 'logoMargin', { min: 0, max: 4, integer: true });
  if (logoText === undefined && (logoSize !== undefined || logoMargin !== undefined))
    throw notWithout(logoSize !== undefined ? 'logoSize' : 'logoMargin', 'logo');
  const caption = textField(fields, 'caption', { max: CAPTION_LIMITS.length });
  const captionColor = color('captionColor');
  const captionSize = numberField(fields, 'captionSize', {
    min: CAPTION_LIMITS.minSize,
    max: CAPTION_LIMITS.maxSize,
    integer: true,
  });
  if (caption === undefined && (captionColor !== undefined || captionSize !== undefined))
    throw notWithout(captionColor !== undefined ? 'captionColor' : 'captionSize', 'caption');
  return {
    dotStyle: choiceField(fields, 'dotStyle', DOT_STYLES) ?? 'square',
    cornerSquareStyle: choiceField(fields, 'cornerSquareStyle', CORNER_SQUARE_STYLES) ?? 'square',
    cornerSquareColor: color('cornerSquareColor'),
    cornerDotStyle: choiceField(fields, 'cornerDotStyle', CORNER_DOT_STYLES) ?? 'square',
    cornerDotColor: color('cornerDotColor'),
    gradient:
      gradientType === undefined
        ? undefined
        : { type: gradientType, to: gradientColor!, rotation: gradientRotation ?? 0 },
    logo: logoText === undefined ? undefined : parseLogo(logoText, 'logo'),
    logoSize: logoSize ?? defaults.logoSize ?? STYLE_DEFAULTS.logoSize,
    logoSizeGiven: logoSize !== undefined,
    logoMargin: logoMargin ?? STYLE_DEFAULTS.logoMargin,
    maxDamage: numberField(fields, 'maxDamage', { min: 0, max: 0.75 }) ?? STYLE_DEFAULTS.maxDamage,
    overlay: fields.overlay === true,
    caption:
      caption === undefined
        ? undefined
        : { text: captionText(caption, 'caption'), color: captionColor, size: captionSize },
  };
}

const notWithout = (field: string, needed: string) =>
  badRequest('option_not_applicable', `'${field}' applies only with '${needed}'`, { field });
const missing = (field: string, what: string) =>
  badRequest('missing_field', `'${field}' is required: ${what}`, { field });
