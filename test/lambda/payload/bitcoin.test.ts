// Bitcoin addresses: the builder's own checks (base58check over its own SHA-256, bech32 and
// bech32m) held against bitcoin-address-validation and the bech32 package, on known addresses,
// every one-character typo of them, and random witness programs.
import { createHash } from 'node:crypto';
import t from 'tap';
import fc from 'fast-check';
import { bech32, bech32m } from 'bech32';
import { getAddressInfo, validate } from 'bitcoin-address-validation';
import { checkAddress } from '../../../lambda/payload/bitcoin-address.js';
import { sha256 } from '../../../lambda/payload/sha256.js';

const KNOWN = [
  '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', // P2PKH
  '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', // P2SH
  'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', // testnet P2PKH
  '2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc', // testnet P2SH
  'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', // BIP 84: P2WPKH
  'bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr', // BIP 86: P2TR
  'BC1QCR8TE4KR609GCAWUTMRZA0J4XV80JY8Z306FYU', // upper case, as QR codes' alphanumeric mode likes it
];

t.test('SHA-256 is node:crypto’s, at every length around the block boundaries', async (t) => {
  for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
    const data = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
    t.equal(Buffer.from(sha256(data)).toString('hex'), createHash('sha256').update(data).digest('hex'), `${length}`);
  }
});

t.test('known addresses pass, on the network bitcoin-address-validation names', async (t) => {
  for (const address of KNOWN) {
    t.ok(validate(address), `${address}: valid for bitcoin-address-validation`);
    t.same(checkAddress(address), { network: getAddressInfo(address).network }, address);
  }
});

t.test(
  'every one-character typo of a known address: refused exactly when bitcoin-address-validation refuses it',
  async (t) => {
    let typos = 0;
    for (const address of KNOWN.slice(0, 6)) {
      const alphabet = address.startsWith('bc1')
        ? 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
        : '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
      for (let i = 0; i < address.length; i++) {
        for (const char of alphabet) {
          if (char === address[i]) continue;
          const typo = `${address.slice(0, i)}${char}${address.slice(i + 1)}`;
          const ours = 'network' in checkAddress(typo);
          if (ours !== validate(typo)) t.fail(`${typo}: ours ${ours}, bitcoin-address-validation ${!ours}`);
          if (ours && !/^[123mn]/.test(typo)) t.fail(`a typo in a segwit address passed: ${typo}`);
          typos++;
        }
      }
    }
    t.pass(`${typos} typos judged alike`);
  },
);

t.test(
  'random witness programs: bech32 for version 0, bech32m for 1 to 16, as the bech32 package encodes them',
  async (t) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 16 }),
        fc.uint8Array({ minLength: 2, maxLength: 40 }),
        fc.constantFrom('bc', 'tb'),
        (version, program, hrp) => {
          const encoding = version === 0 ? bech32 : bech32m;
          const address = encoding.encode(hrp, [version, ...bech32.toWords(program)]);
          const valid = version !== 0 || program.length === 20 || program.length === 32;
          const wrong = (version === 0 ? bech32m : bech32).encode(hrp, [version, ...bech32.toWords(program)]);
          return (
            'network' in checkAddress(address) === valid &&
            !('network' in checkAddress(wrong)) &&
            (!valid ||
              (checkAddress(address) as { network: string }).network === (hrp === 'bc' ? 'mainnet' : 'testnet'))
          );
        },
      ),
      { seed: 21, numRuns: 500 },
    );
    t.pass('500 programs');
  },
);
