import t from 'tap';
import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { makeServerCertificate, serialNumber } from '../../../../../local/terraform/standin/provider/tls.js';

t.test('a self-signed localhost CA for both ends of TLS, as go-plugin expects', async (t) => {
  const now = new Date();
  const { der, certPem, keyPem } = makeServerCertificate('localhost', now);
  const certificate = new X509Certificate(der);
  t.equal(new X509Certificate(certPem).fingerprint256, certificate.fingerprint256, 'the PEM is the DER');
  t.equal(certificate.subjectAltName, 'DNS:localhost');
  t.equal(certificate.checkHost('localhost'), 'localhost');
  t.equal(certificate.ca, true, 'a CA: the client trusts it as its own root');
  t.ok(certificate.verify(certificate.publicKey), 'signed by its own key');
  t.same(certificate.keyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'], 'serverAuth and clientAuth');
  t.ok(new Date(certificate.validFrom) <= now && now < new Date(certificate.validTo), 'valid now');
  t.match(keyPem, /^-----BEGIN PRIVATE KEY-----\n/);
  t.not(makeServerCertificate().der.equals(der), 'a new key and serial each time');
});

t.test('the serial is a positive DER integer with no leading zero byte', async (t) => {
  // A serial starting with 0x00 once made OpenSSL refuse one certificate in a few hundred ("illegal padding").
  for (const random of [Buffer.alloc(16), Buffer.alloc(16, 0xff), Buffer.from([0x00, 0x7f, ...Buffer.alloc(14)])]) {
    const serial = serialNumber(random);
    t.equal(serial.length, 16);
    t.ok(serial[0]! >= 0x01 && serial[0]! <= 0x7f, `first byte ${serial[0]} for ${random.toString('hex')}`);
  }
});

t.test('TLS takes every certificate made, as the gRPC server does', async (t) => {
  const refused: string[] = [];
  for (let i = 0; i < 200; i++) {
    const { certPem, keyPem } = makeServerCertificate();
    try {
      createSecureContext({ cert: certPem, key: keyPem });
    } catch (error) {
      refused.push(`${certPem}: ${String(error)}`);
    }
  }
  t.same(refused, []);
});
