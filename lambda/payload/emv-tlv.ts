// EMV merchant-presented QR codes (EMV QR Code Specification for Payment Systems: Merchant-
// Presented Mode, EMV QRCPS-MPM v1.1): a string of data objects, each a 2-digit
// ID, a 2-digit length (01 to 99) and that many characters of value; the Payload Format
// Indicator (ID 00, "01") first and the CRC (ID 63) last. A template (26 to 51, the merchant
// account information; 62, additional data) holds data objects of its own the same way.

/** One data object: its ID, its length, its value. The value's characters are counted, and are ASCII in every builder. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id) || value.length < 1 || value.length > 99)
    throw new Error(`tlv: data object ${id} must hold 1 to 99 characters, not ${value.length}`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/**
 * CRC-16/CCITT-FALSE (ISO/IEC 13239: polynomial 0x1021, initial value 0xFFFF, neither input nor
 * output reflected, no final XOR) of a text's bytes, as 4 upper-case hex digits.
 */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The payload of the data objects given, in order, after the Payload Format Indicator: the CRC
 * (ID 63, length 04) is computed over everything before its value, its own ID and length
 * included, as the specification's CRC data object says, and appended.
 */
export function emvPayload(objects: readonly string[]): string {
  const body = `${tlv('00', '01')}${objects.join('')}6304`;
  return `${body}${crc16(body)}`;
}
