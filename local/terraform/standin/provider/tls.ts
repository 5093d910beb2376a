// The certificate the stand-in serves gRPC under. Terraform's plugin client (go-plugin's
// AutoMTLS) trusts exactly the certificate named on the handshake line and checks it for
// the name "localhost", so each process makes its own: a self-signed P-256 certificate
// for localhost, usable as a CA and for both ends of TLS, like the one go-plugin makes.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface ServerCertificate {
  /** The certificate in DER, as the handshake line carries it. */
  readonly der: Buffer;
  readonly certPem: string;
  readonly keyPem: string;
}

// --- DER, just the shapes a certificate needs (X.690) -------------------------

const length = (n: number): Buffer => {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};
const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const sequence = (...items: Buffer[]): Buffer => tlv(0x30, ...items);
const set = (...items: Buffer[]): Buffer => tlv(0x31, ...items);
const explicit = (n: number, content: Buffer): Buffer => tlv(0xa0 + n, content);
const integer = (bytes: Buffer): Buffer => tlv(0x02, bytes);
const boolean = (value: boolean): Buffer => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const octets = (content: Buffer): Buffer => tlv(0x04, content);
const bits = (content: Buffer, unused = 0): Buffer => tlv(0x03, Buffer.from([unused]), content);
const utf8 = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
// UTCTime (YYMMDDHHMMSSZ): RFC 5280 wants it for dates before 2050.
const utcTime = (date: Date): Buffer =>
  tlv(
    0x17,
    Buffer.from(
      date
        .toISOString()
        .slice(2)
        .replace(/[-:T]/g, '')
        .replace(/\.\d+Z$/, 'Z'),
      'ascii',
    ),
  );
const oid = (dotted: string): Buffer => {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first! * 40 + second!];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) chunk.unshift(0x80 | (v & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
};

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

const name = (commonName: string): Buffer =>
  sequence(
    set(sequence(oid(OID.organization), utf8('qr-lambda'))),
    set(sequence(oid(OID.commonName), utf8(commonName))),
  );
const extension = (id: string, critical: boolean, value: Buffer): Buffer =>
  sequence(oid(id), ...(critical ? [boolean(true)] : []), octets(value));

/** 16 random bytes as a positive serial whose first byte is not 0: DER allows no leading zero byte. */
export function serialNumber(random: Buffer = randomBytes(16)): Buffer {
  const serial = Buffer.from(random);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  return serial;
}

/** A self-signed certificate for `host`, valid from a minute ago for a day. */
export function makeServerCertificate(host = 'localhost', now = new Date()): ServerCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const algorithm = sequence(oid(OID.ecdsaWithSha256));
  // digitalSignature (bit 0), keyEncipherment (2), keyAgreement (4), keyCertSign (5).
  const keyUsage = bits(Buffer.from([0b10101100]), 2);
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(serialNumber()),
    algorithm,
    name(host),
    sequence(utcTime(new Date(now.getTime() - 60_000)), utcTime(new Date(now.getTime() + 86_400_000))),
    name(host),
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        extension(OID.basicConstraints, true, sequence(boolean(true))),
        extension(OID.keyUsage, true, keyUsage),
        extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth), oid(OID.clientAuth))),
        extension(OID.subjectAltName, false, sequence(tlv(0x82, Buffer.from(host, 'ascii')))),
      ),
    ),
  );
  const der = sequence(tbs, algorithm, bits(sign('sha256', tbs, privateKey)));
  return {
    der,
    certPem: pem('CERTIFICATE', der),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const pem = (label: string, der: Buffer): string =>
  `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
