import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'qrcode/lib/core/qrcode.js';
import type { EcLevel } from '../../lambda/qr/ec-level.js';

/**
 * qrcode's symbol for a text, as a digest: its version, mask, size and a hash of its modules, or
 * `too big`. The digest of our symbol is made the same way, so the two compare as strings.
 */
export type SymbolDigest = string;
export const TOO_BIG: SymbolDigest = 'too big';

export const digestOf = (symbol: {
  readonly version: number;
  readonly mask: number;
  readonly size: number;
  readonly modules: Uint8Array;
}): SymbolDigest =>
  `${symbol.version}.${symbol.mask}.${symbol.size}.${createHash('sha256').update(symbol.modules).digest('base64url')}`;

/** qrcode's own answer, computed now: the oracle itself. */
export function qrcodeDigest(text: string, level: EcLevel): SymbolDigest {
  try {
    const theirs = create(text, { errorCorrectionLevel: level });
    return digestOf({
      version: theirs.version,
      mask: theirs.maskPattern ?? -1, // always set by create; -1 matches no mask of ours
      size: theirs.modules.size,
      modules: Uint8Array.from(theirs.modules.data),
    });
  } catch (error) {
    if (error instanceof Error && error.message.includes('too big')) return TOO_BIG;
    throw error;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const qrcodeDirectory = dirname(createRequire(import.meta.url).resolve('qrcode/package.json'));

/**
 * Which qrcode answered: a hash of its package.json and of every file of its core. A new version,
 * or an edited copy, starts a new memo.
 */
function qrcodeIdentity(): string {
  const hash = createHash('sha256').update(readFileSync(join(qrcodeDirectory, 'package.json')));
  const core = join(qrcodeDirectory, 'lib', 'core');
  for (const file of readdirSync(core).sort()) hash.update(file).update(readFileSync(join(core, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * qrcode's answers, remembered between runs (in node_modules/.cache, as the type check's state is).
 * qrcode is a pure function of the text and the level, so its answer for a text it has seen, from the
 * same qrcode, is the answer it would give again: the property test then spends its time on our encoder
 * and not on re-running the oracle. A fresh checkout (CI) starts empty and asks qrcode every time.
 *
 * A remembered answer never decides a failure on its own: when ours differs from it, qrcode is asked
 * again, and its answer now is the one that counts (and is remembered).
 */
export class QrcodeMemo {
  readonly #file: string;
  readonly #answers = new Map<string, SymbolDigest>();
  readonly #asked = new Set<string>();
  #added = 0;

  /**
   * @param most past this many answers, a save keeps only those asked in this run: the answers of other
   *   seeds do not pile up.
   */
  constructor(
    name: string,
    directory = join(root, 'node_modules', '.cache', 'qr-lambda'),
    readonly most = 20_000,
  ) {
    this.#file = join(directory, `qrcode-${name}-${qrcodeIdentity()}.json`);
    try {
      const stored = JSON.parse(readFileSync(this.#file, 'utf8')) as Record<string, SymbolDigest>;
      for (const [key, digest] of Object.entries(stored)) this.#answers.set(key, digest);
    } catch {
      // None yet, or unreadable: every answer is asked of qrcode.
    }
  }

  /** Whether our digest is qrcode's for this text at this level. */
  same(text: string, level: EcLevel, ours: SymbolDigest): boolean {
    const key = createHash('sha256').update(level).update('\0').update(text).digest('base64url');
    this.#asked.add(key);
    if (this.#answers.get(key) === ours) return true;
    const theirs = qrcodeDigest(text, level);
    if (this.#answers.get(key) !== theirs) {
      this.#answers.set(key, theirs);
      this.#added += 1;
    }
    return theirs === ours;
  }

  /** Stores what was learned (whole, by a rename: runs side by side never see half a file). */
  save(): void {
    if (this.#added === 0) return;
    mkdirSync(dirname(this.#file), { recursive: true });
    const partial = `${this.#file}.${process.pid}`;
    const kept =
      this.#answers.size > this.most ? [...this.#answers].filter(([key]) => this.#asked.has(key)) : [...this.#answers];
    writeFileSync(partial, JSON.stringify(Object.fromEntries(kept)));
    renameSync(partial, this.#file);
    this.#added = 0;
  }
}
