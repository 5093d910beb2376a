// The image a spec describes, for /generate and the dialects alike: a plain code from the
// core, or a styled one, verified, from the styled chunk, loaded on the first styled request.
import type { RenderedImage } from '../render/render.js';
import type { Verification } from '../styled/index.js';
import type { DrawSpec } from './draw-spec.js';
import { renderImage } from './error-mapping.js';

let styledChunk: Promise<typeof import('../styled/index.js')> | undefined;

export async function draw(spec: DrawSpec): Promise<{ image: RenderedImage; verified?: Verification }> {
  if (spec.style === undefined) return { image: renderImage(spec) };
  styledChunk ??= import('../styled/index.js');
  return (await styledChunk).renderStyled(spec);
}

/** `x-qr-verified`: the decoders that read a styled image before it left. */
export const verifiedHeader = (verified: Verification | undefined): Record<string, string> =>
  verified ? { 'x-qr-verified': verified.decoders.join(', ') } : {};
