// Styled codes: a logo, module and corner styles, a gradient; each image verified before
// it leaves. The bundle loads this module on the first styled request, with the native
// renderer and the decoders it needs, not at a cold start.
export { renderStyled, type StyledImage, type Verification } from './render.js';
