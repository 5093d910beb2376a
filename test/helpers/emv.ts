// What the EMV payment tests (pix, emv) share: a builder posted through the handler with its
// image decoded back, and promptparse's strict reading of the payload, its CRC checked.
import type { Test } from 'tap';
import { checksum, parse } from 'promptparse';
import { handler } from '../../lambda/handler.js';
import { httpApiEvent } from './events.js';
import { decodeQrText } from './qr-decode.js';
import { captureStdout } from './stdout.js';

/** POST /generate with `fields` as the JSON body. */
export async function post(
  fields: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const event = httpApiEvent({
    method: 'POST',
    body: JSON.stringify(fields),
    headers: { 'content-type': 'application/json' },
  });
  const { result } = await captureStdout(() => handler(event, { awsRequestId: 'emv' }));
  return { status: result.statusCode, body: JSON.parse(result.body) as Record<string, unknown> };
}

/** The payload the image holds, which must be the one the answer echoes. */
export async function built(t: Test, fields: Record<string, unknown>): Promise<string> {
  const answer = await post(fields);
  t.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 200));
  const text = await decodeQrText(Buffer.from(String(answer.body.qr_code), 'base64'));
  t.equal(text, answer.body.payload, 'the image holds the payload the answer echoes');
  return text;
}

/** promptparse's strict reading: a well-formed EMV payload whose CRC holds, and the same CRC computed by it. */
export function strictlyParsed(t: Test, text: string): (id: string, sub?: string) => string | undefined {
  const qr = parse(text, true, true);
  t.ok(qr, 'promptparse: a well-formed EMV payload whose CRC holds');
  t.equal(checksum(text.slice(0, -4)), text.slice(-4), 'promptparse’s CRC-16 agrees');
  return (id: string, sub?: string) => qr?.getTagValue(id, sub);
}
