// Bitcoin addresses, their checksums verified: base58check (P2PKH and P2SH, mainnet and testnet)
// and segwit's bech32 (BIP 173, witness version 0) and bech32m (BIP 350, versions 1 to 16).
import { sha256 } from './sha256.js';

export type Network = 'mainnet' | 'testnet';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** The version byte of each base58check address: P2PKH and P2SH. */
const VERSIONS: ReadonlyMap<number, Network> = new Map([
  [0x00, 'mainnet'],
  [0x05, 'mainnet'],
  [0x6f, 'testnet'],
  [0xc4, 'testnet'],
]);

/** Why an address is refused, or its network. */
export type AddressCheck = { readonly network: Network } | { readonly problem: string };

function base58check(address: string): AddressCheck {
  let value = 0n;
  for (const char of address) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) return { problem: `has '${char}', which is neither base58 nor bech32` };
    value = value * 58n + BigInt(digit);
  }
  const hex = value.toString(16);
  const body = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
  const zeros = /^1*/.exec(address)![0].length;
  const bytes = new Uint8Array([...new Uint8Array(zeros), ...(value === 0n ? [] : body)]);
  if (bytes.length !== 25) return { problem: 'is not 25 bytes long, as a base58 address is' };
  const check = sha256(sha256(bytes.subarray(0, 21)));
  if (!check.subarray(0, 4).every((byte, i) => byte === bytes[21 + i]))
    return { problem: 'has a wrong checksum (base58check): a character is mistyped' };
  const network = VERSIONS.get(bytes[0]!);
  return network === undefined ? { problem: 'is not a P2PKH or P2SH address (its version byte)' } : { network };
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
/** What the checksum leaves: 1 for bech32, this for bech32m. */
const BECH32M = 0x2bc830a3;

function polymod(values: readonly number[]): number {
  let check = 1;
  for (const value of values) {
    const top = check >>> 25;
    check = ((check & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) check ^= GENERATOR[i]!;
  }
  return check;
}

function segwit(given: string): AddressCheck {
  if (given !== given.toLowerCase() && given !== given.toUpperCase())
    return { problem: 'mixes upper and lower case, which bech32 forbids' };
  const address = given.toLowerCase();
  const split = address.lastIndexOf('1');
  const hrp = address.slice(0, split);
  const network = hrp === 'bc' ? 'mainnet' : 'testnet';
  const data = [...address.slice(split + 1)].map((char) => BECH32.indexOf(char));
  if (address.length > 90 || data.length < 6 + 1 || data.includes(-1))
    return { problem: 'is not a bech32 address: bc1 or tb1 and its characters' };
  const residue = polymod([
    ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
    0,
    ...[...hrp].map((c) => c.charCodeAt(0) & 31),
    ...data,
  ]);
  const version = data[0]!;
  if (residue !== (version === 0 ? 1 : BECH32M))
    return { problem: `has a wrong checksum (${version === 0 ? 'bech32' : 'bech32m'}): a character is mistyped` };
  // The witness program: the 5-bit groups after the version, as bytes; what pads them must be zeros.
  const words = data.slice(1, -6);
  const bits = words.length * 5;
  const padding = bits % 8;
  const lastWord = words.at(-1) ?? 0;
  const length = Math.floor(bits / 8);
  if (version > 16 || padding > 4 || (lastWord & ((1 << padding) - 1)) !== 0)
    return { problem: 'has a witness program that is not whole bytes' };
  if (length < 2 || length > 40 || (version === 0 && length !== 20 && length !== 32))
    return { problem: `has a witness program of ${length} bytes, which version ${version} does not take` };
  return { network };
}

/** Checks an address: bech32 or bech32m when it starts with bc1 or tb1 (either case), base58check otherwise. */
export const checkAddress = (address: string): AddressCheck =>
  /^(bc|tb)1/i.test(address) ? segwit(address) : base58check(address);
