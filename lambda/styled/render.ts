// A styled code that always scans: drawn, sampled at every module's centre, its damage to
// each Reed–Solomon block counted against what the block corrects, then read by two
// decoders at two sizes before it leaves. Where the caller left the level or the logo's
// size open, a code that does not pass is tried at a higher level, then with a smaller
// logo; one that never passes is refused, saying why.
import { HttpError } from '../errors.js';
import type { QrSpec } from '../generate/options.js';
import { clientError } from '../generate/error-mapping.js';
import { damageOf, type Damage } from '../qr/damage.js';
import { EC_LEVELS, type EcLevel } from '../qr/ec-level.js';
import { symbolContent } from '../qr/content.js';
import { encodeSymbol, type QrSymbol } from '../qr/symbol.js';
import { CONTENT_TYPES, type RenderedImage } from '../render/render.js';
import { exactLayout, layout, type Layout } from '../render/layout.js';
import { SizeTooSmallError } from '../render/errors.js';
import { CapacityExceededError } from '../qr/errors.js';
import { parseStyle, type Style } from './options.js';
import { rasterize, type Raster } from './raster.js';
import { wrongModules } from './sample.js';
import { logoBox, styledSvg } from './svg.js';
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

/** The logo sizes to try: the one asked for, or the default shrinking to a half of it. */
const logoSizes = (style: Style): number[] =>
  style.logoSizeGiven || style.logo === undefined
    ? [style.logoSize]
    : [1, 0.9, 0.8, 0.7, 0.6, 0.5].map((step) => Number((style.logoSize * step).toFixed(3)));

export async function renderStyled(spec: QrSpec): Promise<StyledImage> {
  const style = parseStyle(spec.style ?? {}, spec.light);
  const levels = spec.ecLevelGiven ? [spec.ecLevel] : EC_LEVELS.slice(EC_LEVELS.indexOf(spec.ecLevel));
  const darks = [spec.dark, ...(style.gradient ? [style.gradient.to] : [])];
  let best: Attempt | undefined;
  for (const logoSize of logoSizes(style)) {
    for (const ecLevel of levels) {
      let symbol: QrSymbol;
      let geometry: Layout;
      try {
        symbol = encodeSymbol(spec.text, ecLevel, { eci: spec.eci, kanji: spec.kanji });
        geometry = spec.canvas
          ? exactLayout(symbol.size, spec.margin, spec.canvas)
          : layout(symbol.size, spec.margin, spec.size);
      } catch (error) {
        // At the level asked, the data or the size refused as for a plain code (413, 400); at a raised
        // level that no longer holds the data or fits the size, nor does any higher one.
        if (ecLevel === levels[0]) throw clientError(error);
        if (error instanceof CapacityExceededError || error instanceof SizeTooSmallError) break;
        throw error;
      }
      const box = style.logo ? logoBox(symbol.size, logoSize, style.logoMargin) : undefined;
      const svg = styledSvg(symbol, geometry, style, spec, box);
      const damageIn = (raster: Raster): Damage =>
        damageOf(symbol.version, ecLevel, wrongModules(symbol, geometry, raster, darks, spec.light));
      const fitting = (damage: Damage): boolean => damage.functionModules === 0 && damage.worstShare <= style.maxDamage;
      // A first look at four pixels a module, then the image itself, sampled again, and read.
      const glance = damageIn(rasterize(svg, Math.min(geometry.width, geometry.modulesAcross * 4)));
      const raster = fitting(glance) ? rasterize(svg, geometry.width) : undefined;
      const damage = raster ? damageIn(raster) : glance;
      const half = raster && fitting(damage) ? rasterize(svg, Math.max(1, Math.round(geometry.width / 2))) : undefined;
      const unread = raster && half && (await unreadBy([raster, half], symbolContent(symbol.segments, spec.kanji)));
      const attempt = { ecLevel, logoSize, damage, unread };
      if (best === undefined || badness(attempt, style) < badness(best, style)) best = attempt;
      if (raster === undefined || half === undefined || unread !== undefined) continue;
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
        },
      };
    }
  }
  throw unscannable(best!, style, levels);
}

/** How bad an attempt is: a function module read wrong is worse than any block, and any block over budget worse than a decoder's miss. */
const badness = ({ damage, unread }: Attempt, style: Style): number =>
  damage.functionModules > 0 ? 3 : damage.worstShare > style.maxDamage ? 2 + damage.worstShare : unread ? 1 : 0;

function unscannable(
  { ecLevel, logoSize, damage, unread }: Attempt,
  style: Style,
  levels: readonly EcLevel[],
): HttpError {
  const levelGiven = levels.length === 1;
  const capacity = damage.worst.capacity;
  const budget = Math.floor(capacity * style.maxDamage);
  const changes = [
    ...(style.logo ? [`a smaller logo (logoSize below ${logoSize})`, 'a smaller logoMargin'] : []),
    ...(levelGiven && ecLevel !== 'H' ? ['a higher ecLevel, or none, so that it may rise'] : []),
    ...(style.maxDamage < 0.75 ? ['maxDamage up to 0.75'] : []),
    'a plainer dotStyle',
  ];
  const where = unread
    ? `every block is within its budget, but ${unread} did not read it`
    : damage.functionModules > 0
      ? `${damage.functionModules} of its function modules (timing, alignment, format or version) read wrong`
      : `block ${damage.worst.block + 1} has ${damage.worst.wrong} wrong codewords, over its budget of ${budget} (${style.maxDamage} of the ${capacity} it corrects)`;
  return new HttpError(
    422,
    'unscannable',
    `this styled code would not scan reliably: ${levelGiven ? `at ecLevel ${ecLevel}` : `tried at ecLevel ${levels.join(', ')}, it came closest at ${ecLevel}`}${style.logo ? ` with logoSize ${logoSize}` : ''}, where ${where}; try ${changes.join(', ')}`,
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
