// The bundle: what a cold start loads (index.mjs and the chunks it imports), as build.mjs
// counted it in build/cold-start.json.
import { readFileSync } from 'node:fs';

export interface BundleResult {
  /** Bytes a cold start loads, minified, and gzipped. */
  readonly bytes: number;
  readonly gzip: number;
  readonly files: readonly string[];
  /** The largest inputs in it. */
  readonly largest: readonly { readonly file: string; readonly bytes: number }[];
  /** The chunks loaded on first use. */
  readonly chunks: readonly { readonly file: string; readonly bytes: number }[];
}

export function readBundle(root: string): BundleResult {
  return JSON.parse(readFileSync(`${root}build/cold-start.json`, 'utf8')) as BundleResult;
}
