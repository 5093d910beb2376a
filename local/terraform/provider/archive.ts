// The hashicorp/archive stand-in: `data "archive_file"` really writes the zip (sorted
// entries, a fixed time, `output_file_mode` when given) and reports its hashes.
import { zipSync, type Zippable } from 'fflate';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isObject, type ObjectValue } from './cty.js';
import { DiagnosticError, stringOf, type ProviderDefinition } from './definition.js';
import { loadProviderSchema } from './providers-schema.js';

// Zip's epoch: the same bundle gives the same bytes, and so the same hash, on every machine.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

function filesUnder(dir: string, excludes: ReadonlySet<string>): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new DiagnosticError('Archive creation error', `error archiving directory: could not archive missing directory: ${dir}`);
  }
  if (!stat.isDirectory()) throw new DiagnosticError('Archive creation error', `error archiving directory: ${dir} is not a directory`);
  const files: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(at, entry.name);
      const name = relative(dir, path).split(sep).join('/');
      if (excludes.has(name)) continue;
      if (entry.isDirectory()) walk(path);
      else files.push(name);
    }
  };
  walk(dir);
  return files;
}

function entries(config: ObjectValue): [string, Uint8Array, number | undefined][] {
  const excludes = new Set(Array.isArray(config.excludes) ? config.excludes.map(String) : []);
  const sourceDir = stringOf(config.source_dir);
  if (sourceDir) return filesUnder(sourceDir, excludes).map((name) => [name, readFileSync(join(sourceDir, name)), statSync(join(sourceDir, name)).mode & 0o777]);
  const sourceFile = stringOf(config.source_file);
  if (sourceFile) return [[sourceFile.split(/[\\/]/).pop()!, readFileSync(sourceFile), statSync(sourceFile).mode & 0o777]];
  const content = stringOf(config.source_content);
  if (content !== undefined) {
    const name = stringOf(config.source_content_filename);
    if (!name) throw new DiagnosticError('Archive creation error', 'source_content_filename must be set with source_content');
    return [[name, Buffer.from(content), undefined]];
  }
  const sources = Array.isArray(config.source) ? config.source.filter(isObject) : [];
  if (sources.length > 0) return sources.map((source) => [String(source.filename), Buffer.from(String(source.content)), undefined]);
  throw new DiagnosticError('Archive creation error', 'one of source_dir, source_file, source_content or source must be set');
}

export function writeArchive(config: ObjectValue): ObjectValue {
  if (config.type !== 'zip') throw new DiagnosticError('Archive creation error', `archive type not supported: ${String(config.type)}`);
  const outputPath = String(config.output_path);
  const fileMode = stringOf(config.output_file_mode);
  const zippable: Zippable = {};
  for (const [name, data, mode] of entries(config)) {
    const unixMode = fileMode ? parseInt(fileMode, 8) : (mode ?? 0o644);
    zippable[name] = [data, { mtime: FIXED_TIME, os: 3, attrs: ((0o100000 | unixMode) << 16) >>> 0, level: 6 }];
  }
  const zip = zipSync(zippable);
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, zip);
  const digest = (algorithm: string, encoding: 'hex' | 'base64'): string => createHash(algorithm).update(zip).digest(encoding);
  return {
    id: digest('sha1', 'hex'),
    output_sha: digest('sha1', 'hex'),
    output_md5: digest('md5', 'hex'),
    output_sha256: digest('sha256', 'hex'),
    output_base64sha256: digest('sha256', 'base64'),
    output_sha512: digest('sha512', 'hex'),
    output_base64sha512: digest('sha512', 'base64'),
    output_size: zip.length,
  };
}

export const archiveProvider: ProviderDefinition<null> = {
  address: 'registry.terraform.io/hashicorp/archive',
  schema: loadProviderSchema('archive'),
  unconfigured: null,
  configure: () => null,
  resources: {
    archive_file: { applied: (planned: ObjectValue) => writeArchive(planned) },
  },
  dataSources: {
    archive_file: { read: (config: ObjectValue) => writeArchive(config) },
  },
};
