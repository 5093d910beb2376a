// A styled code that always scans: the modules its logo's margin clears counted from the
// geometry, then drawn, every module sampled at its centre, its damage to each Reed–Solomon block
// counted against what the block corrects, and read by two decoders at two sizes before it
// leaves. Where the caller left the level or the logo's size open, a code that does not pass
// is tried at a higher level, then with a smaller logo; one that never passes is refused, saying why.
import { HttpError } from '../errors.js';
import type { DrawSpec, SuggestedOption } from '../generate/draw-spec.js';
import { clientError } from '../generate/error-mapping.js';
import { damageOf, type Damage } from '../qr/damage.js';
import { EC_LEVELS, type EcLevel } from '../qr/ec-level.js';
import { symbolContent } from '../qr/content.js';
import { encodeSymbol, type QrSymbol } from '../qr/symbol.js';
import { symbolTemplate } from '../qr/template.js';
import { CONTENT_TYPES, type RenderedImage } from '../render/render.js';
import type { Layout } from '../render/layout.js';
import { SizeTooSmallError } from '../render/errors.js';
import { CapacityExceededError } from '../qr/errors.js';
import { parseStyle, type Style } from './options.js';
import { placeCode, type DrawnCaption } from './place.js';
import { rasterize, type Raster } from './raster.js';
import { wrongModules } from './sample.js';
import { clearedBy, inFinder, logoBox, styledSvg, type LogoBox } from './svg.js';
import { DECODERS, unreadBy } from './verify.js';

/** What the answer says of its own reading. */
export interface Verification {
  readonly decoders: readonly string[];
  /** The widths in pixels each decoder read it at. */
  readonly sizes: readonly number[];
  readonly ecLevel: EcLevel;
  /** The worst block's wrong codewords as a share of what it corrects. */
  readonly worstBlockShare: number;
  /** The logo's width as drawn, as a share of the symbol's. */
  readonly logoSize: number | undefined;
  /** The caption's size as drawn, in pixels (smaller than asked where the text would not fit). */
  readonly captionSize: number | undefined;
}

export interface StyledImage {
  readonly image: RenderedImage;
  readonly verified: Verification;
}

interface Attempt {
  readonly ecLevel: EcLevel;
  readonly logoSize: number;
  readonly damage: Damage;
  /** Within its budget, but a decoder did not read it: which, at which width. */
  readonly unread?: string;
}

/** The smallest share of the symbol an open logo size shrinks to: below it a logo is hard to make out. */
const LOGO_FLOOR = 0.1;

/** The logo sizes to try: the one asked for, or the default shrinking step by step to LOGO_FLOOR (or itself, if smaller). */
function logoSizes(style: Style): number[] {
  if (style.logoSizeGiven || style.logo === undefined) return [style.logoSize];
  const floor = Math.min(style.logoSize, LOGO_FLOOR);
  const sizes = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    .map((step) => Number((style.logoSize * step).toFixed(3)))
    .filter((size) => size > floor);
  return [...sizes, floor];
}

export async function renderStyled(spec: DrawSpec): Promise<StyledImage> {
  const style = parseStyle(spec.style ?? {}, spec.light, spec.styleDefaults);
  const levels = spec.ecLevelGiven ? [spec.ecLevel] : EC_LEVELS.slice(EC_LEVELS.indexOf(spec.ecLevel));
  const darks = [spec.dark, ...(style.gradient ? [style.gradient.to] : [])];
  let best: Attempt | undefined;
  for (const logoSize of logoSizes(style)) {
    for (const ecLevel of levels) {
      let symbol: QrSymbol;
      let geometry: Layout;
      let caption: DrawnCaption | undefined;
      try {
        symbol = encodeSymbol(spec.text, ecLevel, { eci: spec.eci, kanji: spec.kanji });
        ({ geometry, caption } = placeCode(symbol.size, spec, style.caption));
      } catch (error) {
        // At the level asked, the data, the size or the caption refused as for a plain code (413, 400); at a
        // raised level that no longer holds the data or fits the size or the caption, nor does any higher one.
        if (ecLevel === levels[0]) throw clientError(error);
        if (error instanceof CapacityExceededError || error instanceof SizeTooSmallError) break;
        if (error instanceof HttpError && error.code === 'caption_too_wide') break;
        throw error;
      }
      const box = style.logo ? logoBox(symbol.size, logoSize, style.logoMargin) : undefined;
      // A payload's overlay covers the alignment pattern at the centre, as its format means it to.
      const dataModules = style.overlay && box ? new Set(symbolTemplate(symbol.version).placement) : undefined;
      const underOverlay = (wrong: Iterable<number>): number[] =>
        dataModules === undefined
          ? [...wrong]
          : [...wrong].filter(
              (module) =>
                dataModules.has(module) || !clearedBy(box!, Math.floor(module / symbol.size), module % symbol.size),
            );
      const fitting = (damage: Damage): boolean => damage.functionModules === 0 && damage.worstShare <= style.maxDamage;
      // The dark modules under the logo's margin, which is left light, read wrong: counted from the
      // geometry, before anything is drawn, a level they already overwhelm is passed over. Under
      // the logo itself, what a module reads depends on the logo's pixels, which the raster shows.
      const cleared = box ? underOverlay(darkModulesInMargin(symbol, box)) : [];
      const geometric = damageOf(symbol.version, ecLevel, cleared);
      let damage = geometric;
      let raster: Raster | undefined;
      let half: Raster | undefined;
      let unread: string | undefined;
      const svg = fitting(geometric) ? styledSvg(symbol, geometry, style, spec, box, caption) : undefined;
      if (svg !== undefined) {
        // The image itself, every module sampled at its centre as a reader samples it, and then read.
        raster = rasterize(svg, geometry.width);
        const sampled = wrongModules(symbol, geometry, raster, darks, spec.light);
        damage = damageOf(symbol.version, ecLevel, underOverlay(sampled));
        if (fitting(damage)) {
          half = rasterize(svg, Math.max(1, Math.round(geometry.width / 2)));
          unread = await unreadBy([raster, half], symbolContent(symbol.segments, spec.kanji));
        }
      }
      const attempt = { ecLevel, logoSize, damage, unread };
      if (best === undefined || badness(attempt, style) < badness(best, style)) best = attempt;
      if (svg === undefined || raster === undefined || half === undefined || unread !== undefined) continue;
      const bytes = spec.format === 'svg' ? Buffer.from(svg, 'utf8') : raster.png();
      return {
        image: {
          format: spec.format,
          contentType: CONTENT_TYPES[spec.format],
          bytes,
          width: geometry.width,
          height: geometry.height,
        },
        verified: {
          decoders: DECODERS,
          sizes: [raster.width, half.width],
          ecLevel,
          worstBlockShare: Number(damage.worstShare.toFixed(3)),
          logoSize: style.logo ? logoSize : undefined,
          captionSize: caption?.size,
        },
      };
    }
  }
  throw unscannable(best!, style, levels, spec.optionNames ?? {});
}

/** The dark modules (row * size + col) in the logo's margin: cleared, and not under the logo's square. */
function darkModulesInMargin({ size, modules }: QrSymbol, box: LogoBox): number[] {
  const underLogo = (index: number): boolean => index + 0.5 >= box.x && index + 0.5 <= box.x + box.size;
  const cleared: number[] = [];
  for (let row = Math.max(0, box.first); row <= Math.min(size - 1, box.last); row++) {
    for (let col = Math.max(0, box.first); col <= Math.min(size - 1, box.last); col++) {
      if (underLogo(row) && underLogo(col)) continue;
      if (modules[row * size + col] === 1 && !inFinder(size, row, col)) cleared.push(row * size + col);
    }
  }
  return cleared;
}

/** How bad an attempt is: a function module read wrong is worse than any block, and any block over budget worse than a decoder's miss. */
const badness = ({ damage, unread }: Attempt, style: Style): number =>
  damage.functionModules > 0 ? 3 : damage.worstShare > style.maxDamage ? 2 + damage.worstShare : unread ? 1 : 0;

function unscannable(
  { ecLevel, logoSize, damage, unread }: Attempt,
  style: Style,
  levels: readonly EcLevel[],
  names: NonNullable<DrawSpec['optionNames']>,
): HttpError {
  /** The request's name for an option, or undefined where it cannot give that option. */
  const name = (option: SuggestedOption): string | undefined =>
    names[option] === null ? undefined : (names[option] ?? option);
  const [logoSizeName, ecLevelName] = [name('logoSize') ?? 'logoSize', name('ecLevel') ?? 'ecLevel'];
  const levelGiven = levels.length === 1;
  const capacity = damage.worst.capacity;
  const budget = Math.floor(capacity * style.maxDamage);
  const plain =
    style.dotStyle === 'square' && style.cornerSquareStyle === 'square' && style.cornerDotStyle === 'square';
  const overBudget = damage.functionModules === 0 && !unread;
  const changes = [
    ...(style.logo ? [`a smaller logo (${logoSizeName} below ${logoSize})`] : []),
    ...(style.logo && style.logoMargin > 0 && name('logoMargin') ? [`a smaller ${name('logoMargin')}`] : []),
    ...(levelGiven && ecLevel !== 'H' ? [`a higher ${ecLevelName}, or none, so that it may rise`] : []),
    ...(overBudget && style.maxDamage < 0.75 && name('maxDamage') ? [`${name('maxDamage')} up to 0.75`] : []),
    ...(plain || !name('dotStyle') ? [] : [`a plainer ${name('dotStyle')} or corner style`]),
  ];
  if (changes.length === 0) changes.push('fewer style options');
  const where = unread
    ? `every block is within its budget, but ${unread} did not read it`
    : damage.functionModules > 0
      ? `${damage.functionModules} of its function modules (timing, alignment, format or version) read wrong`
      : `block ${damage.worst.block + 1} has ${damage.worst.wrong} wrong codewords, over its budget of ${budget} (${style.maxDamage} of the ${capacity} it corrects)`;
  return new HttpError(
    422,
    'unscannable',
    `this styled code would not scan reliably: ${levelGiven ? `at ${ecLevelName} ${ecLevel}` : `tried at ${ecLevelName} ${levels.join(', ')}, it came closest at ${ecLevel}`}${style.logo ? ` with ${logoSizeName} ${logoSize}` : ''}, where ${where}; try ${changes.join(', ')}`,
    {
      ecLevel,
      block: damage.worst.block + 1,
      wrongCodewords: damage.worst.wrong,
      correctable: capacity,
      budget,
      functionModules: damage.functionModules,
      ...(unread ? { unreadBy: unread } : {}),
      ...(style.logo ? { logoSize } : {}),
    },
  );
}
