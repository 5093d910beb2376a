import t from 'tap';
import { X509Certificate } from 'node:crypto';
import { makeServerCertificate } from '../../../../local/terraform/provider/tls.js';

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
