interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
}

/**
 * The offered media type the `Accept` header likes best (RFC 9110 §12.5.1): the most
 * specific range that matches a type gives its quality; ties go to the earlier offer.
 * No header means anything is fine: the first offer. Undefined: nothing offered is acceptable.
 */
export function negotiate<T extends string>(accept: string | undefined, offers: readonly T[]): T | undefined {
  if (accept === undefined || accept.trim() === '') return offers[0];
  const ranges = parseAccept(accept);
  let best: T | undefined;
  let bestQ = 0;
  for (const offer of offers) {
    const q = qualityOf(offer, ranges);
    if (q > bestQ) {
      best = offer;
      bestQ = q;
    }
  }
  return best;
}

function qualityOf(mediaType: string, ranges: readonly MediaRange[]): number {
  const [type, subtype] = mediaType.split(';')[0]!.trim().split('/');
  let specificity = -1;
  let quality = 0;
  for (const range of ranges) {
    const matches = (range.type === '*' || range.type === type) && (range.subtype === '*' || range.subtype === subtype);
    if (!matches) continue;
    const rangeSpecificity = (range.type === '*' ? 0 : 1) + (range.subtype === '*' ? 0 : 1);
    if (rangeSpecificity > specificity) {
      specificity = rangeSpecificity;
      quality = range.q;
    }
  }
  return quality;
}

function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of accept.split(',').slice(0, 64)) {
    const [mediaRange = '', ...parameters] = part.split(';');
    const [type, subtype] = mediaRange.trim().toLowerCase().split('/');
    if (!type || !subtype) continue;
    let q = 1;
    for (const parameter of parameters) {
      const [name, value] = parameter.split('=').map((s) => s.trim());
      if (name?.toLowerCase() === 'q' && value !== undefined) {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 1;
      }
    }
    ranges.push({ type, subtype, q });
  }
  return ranges;
}
