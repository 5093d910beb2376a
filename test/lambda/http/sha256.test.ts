import t from 'tap';
import { sha256 } from '../../../lambda/http/sha256.js';

// Known answers from FIPS 180-2, appendix B (SHA-256 of "abc" and of the 448-bit message).
t.test('sha256 gives the standard’s answers, for text and for bytes', async (t) => {
  t.equal(sha256('abc').digest('hex'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  t.equal(
    sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq').digest('hex'),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
  t.equal(sha256(Buffer.from('abc')).digest('base64'), 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
});
