// BASELINE, not the product: the straightforward Node port of the tutorial's handler —
// qrcode's own PNG path (toBuffer: 8-bit RGBA through pngjs) with the same geometry.
import QRCode from 'qrcode';

export const handler = async (event) => {
  const { url } = JSON.parse(event.body);
  const png = await QRCode.toBuffer(url, {
    errorCorrectionLevel: 'L',
    scale: 10,
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ message: 'QR Code generated successfully', qr_code: png.toString('base64'), url }),
  };
};
