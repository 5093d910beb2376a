import { badRequest } from '../errors.js';

/** A logo to put at the code's centre: an image carried in the request, never fetched. */
export interface Logo {
  readonly mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  readonly base64: string;
}

/** A logo's bytes at the most: what a 64 KiB body can carry in base64, with room for the rest. */
export const MAX_LOGO_BYTES = 45 * 1024;

const DATA_URI = /^data:(image\/(?:png|jpeg|svg\+xml));base64,([\s\S]*)$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * `logo`: a PNG, JPEG or SVG image as a `data:` URI or as bare base64. A URL is refused:
 * a function that fetches what it is given is a way into its network (SSRF).
 */
export function parseLogo(value: string, name: string): Logo {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
    throw badRequest(
      'invalid_value',
      `'${name}' must be the image itself (a data: URI or base64), not a URL: this function fetches nothing it is given, since that would be a way into its network (SSRF)`,
      { field: name },
    );
  const uri = DATA_URI.exec(value);
  const base64 = (uri ? uri[2]! : value).replace(/\s+/g, '');
  if (!BASE64.test(base64) || base64.length % 4 === 1)
    throw badRequest('invalid_value', `'${name}' must be a data: URI or base64 of a PNG, JPEG or SVG image`, {
      field: name,
    });
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_LOGO_BYTES)
    throw badRequest('out_of_range', `'${name}' is ${bytes.length} bytes; a logo may have at most ${MAX_LOGO_BYTES}`, {
      field: name,
      max: MAX_LOGO_BYTES,
    });
  const mime = sniff(bytes);
  if (mime === undefined || (uri && uri[1]!.toLowerCase() !== mime))
    throw badRequest(
      'invalid_value',
      `'${name}' is not ${uri ? `the ${uri[1]} its data: URI says` : 'a PNG, JPEG or SVG image'}`,
      { field: name, allowed: ['image/png', 'image/jpeg', 'image/svg+xml'] },
    );
  return { mime, base64: bytes.toString('base64') };
}

/** The image type its first bytes say. */
function sniff(bytes: Buffer): Logo['mime'] | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = bytes.subarray(0, 1024).toString('utf8');
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head))
    return 'image/svg+xml';
  return undefined;
}
