// What the chunks loaded on first use (the dialects, the payload builders, the page) take from the
// core: build.mjs bundles each chunk with these imports pointing at index.mjs, so a cold
// start loads one file and the chunks use the very same classes (an HttpError thrown in a
// builder is the handler's HttpError). A name a chunk imports that is missing here fails
// the bundle's tests at the first request to that chunk.
export { describe, clip, kindOf } from './describe.js';
export { HttpError, badRequest } from './errors.js';
export { luminanceOnWhite, parseHexColor } from './generate/color.js';
export { clientError, renderImage } from './generate/error-mapping.js';
export { draw, verifiedHeader } from './generate/draw.js';
export { imageResponse } from './generate/image-response.js';
export { bytesResponse } from './http/response.js';
export { sha256 } from './http/sha256.js';
export { fieldsFromQuery } from './generate/query-fields.js';
export { parseColor, readableColors } from './generate/readable-colors.js';
export { absent } from './input/absent.js';
export { choiceField } from './input/choice.js';
export { decimalField } from './input/decimal.js';
export { dataValue } from './input/data.js';
export { flagField } from './input/flag.js';
export { loadKanji } from './input/load-kanji.js';
export { numberField } from './input/number.js';
export { textField } from './input/text.js';
export { isSecretText } from './payload/secret.js';
export { EC_LEVELS } from './qr/ec-level.js';
export { blockStructure } from './qr/capacity.js';
export { CapacityExceededError } from './qr/errors.js';
export { isKanjiSegment } from './qr/segments.js';
export { encodeSymbol } from './qr/symbol.js';
export { symbolTemplate } from './qr/template.js';
export { BLACK, WHITE, toHexRgb } from './render/color.js';
export { SizeTooSmallError } from './render/errors.js';
export { exactLayout, layout } from './render/layout.js';
export { CONTENT_TYPES } from './render/render.js';
