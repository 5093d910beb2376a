// The Swiss cross at the centre of a Swiss QR code: 7 × 7 mm on the 46 × 46 mm code, as the
// Swiss Implementation Guidelines for the QR-bill draw it: a black 6 mm square in a 0.5 mm white
// border, and in it the white cross of the Swiss coat of arms, whose arms are a sixth longer
// than they are wide (7/6 mm wide, 35/9 mm from end to end). Drawn here at 18 units a millimetre.

/** The cross's width as a share of the code's (quiet zone excluded). */
export const SWISS_CROSS_SIZE = 7 / 46;

export const SWISS_CROSS_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="126" height="126" viewBox="0 0 126 126">' +
  '<path fill="#fff" d="M0 0h126v126H0z"/>' +
  '<path fill="#000" d="M9 9h108v108H9z"/>' +
  '<path fill="#fff" d="M52.5 28h21v24.5H98v21H73.5V98h-21V73.5H28v-21h24.5z"/>' +
  '</svg>';
