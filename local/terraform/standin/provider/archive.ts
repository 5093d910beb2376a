// The hashicorp/archive stand-in: `data "archive_file"` writes a real zip at plan time, as
// the real provider does, and returns the real hashes of what it wrote. It follows the
// real provider's zip_archiver.go where that shapes what Lambda receives: files found by a
// walk in lexical order per folder, symlinks followed, paths relative to the source,
// every entry deflated, no modification times (the zip epoch), and `output_file_mode`
// for every entry when set. The bytes are zlib's deflate, not Go's, so the hashes differ
// from the real provider's for the same files; each is deterministic in itself.
import { zipSync, type Zippable } from 'fflate';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isObject, type ObjectValue, type Value } from './cty.js';
import { DiagnosticError, stringOf, type ProviderDefinition } from './definition.js';
import { loadProviderSchema } from './schema-data.js';

/** The zip epoch, 1980-01-01, in local time as fflate reads it: nothing of the machine's clock reaches the zip. */
const ZIP_EPOCH = new Date(1980, 0, 1);
/** What Go's archive/zip writes with the default compressor. */
const DEFLATE_LEVEL = 6;
const S_IFREG = 0o100000;

/** `output_file_mode` as Go's strconv.ParseUint(value, 0, 32) reads it: "0644" is octal. */
export function parseFileMode(text: string): number {
  const match = /^(?:0[oO]?([0-7]+)|0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|([1-9][0-9]*|0))$/.exec(text);
  const value =
    match &&
    (match[1]
      ? parseInt(match[1], 8)
      : match[2]
        ? parseInt(match[2], 16)
        : match[3]
          ? parseInt(match[3], 2)
          : Number(match[4]));
  if (value === null || value === undefined || !Number.isInteger(value) || value > 0xffffffff) {
    throw new DiagnosticError('Archive creation error', `error parsing output_file_mode value: ${text}`);
  }
  return value;
}

/** Every file under `dir`, in the order of Go's filepath.Walk (each folder's names sorted), symlinks followed. */
function walk(dir: string, prefix = ''): { name: string; path: string; mode: number }[] {
  const files: { name: string; path: string; mode: number }[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const info = statSync(path);
    const name = prefix ? `${prefix}/${entry}` : entry;
    if (info.isDirectory()) files.push(...walk(path, name));
    else files.push({ name, path, mode: info.mode });
  }
  return files;
}

interface Entry {
  readonly name: string;
  readonly data: Uint8Array;
  /** Unix mode of the entry, type bits included. */
  readonly mode: number;
}

function entriesOf(config: ObjectValue): Entry[] {
  const sourceDir = stringOf(config.source_dir);
  const sourceFile = stringOf(config.source_file);
  const sourceContent = stringOf(config.source_content);
  const sources = Array.isArray(config.source) ? config.source.filter(isObject) : [];
  const given =
    [sourceDir, sourceFile, sourceContent].filter((value) => value !== undefined).length + (sources.length > 0 ? 1 : 0);
  if (given !== 1)
    throw new DiagnosticError(
      'Invalid archive_file',
      'exactly one of source_dir, source_file, source_content or source blocks must be set',
    );
  const excludes = config.excludes;
  if (Array.isArray(excludes) && excludes.length > 0)
    throw new DiagnosticError(
      'Unsupported by the stand-in',
      'archive_file excludes: the stand-in does not match exclude patterns',
    );
  if (sourceDir !== undefined) {
    const info = statSync(sourceDir, { throwIfNoEntry: false });
    if (!info?.isDirectory())
      throw new DiagnosticError(
        'Archive creation error',
        `error creating archive: could not archive missing directory: ${sourceDir}`,
      );
    const files = walk(sourceDir);
    if (files.length === 0)
      throw new DiagnosticError(
        'Archive creation error',
        'error creating archive: archive has not been created as it would be empty',
      );
    return files.map(({ name, path, mode }) => ({ name, data: readFileSync(path), mode }));
  }
  if (sourceFile !== undefined) {
    const info = statSync(sourceFile, { throwIfNoEntry: false });
    if (!info?.isFile())
      throw new DiagnosticError(
        'Archive creation error',
        `error creating archive: could not archive missing file: ${sourceFile}`,
      );
    return [{ name: basename(sourceFile), data: readFileSync(sourceFile), mode: info.mode }];
  }
  // Content written by the real provider carries Go's default mode for created entries.
  const created = (name: string, content: string): Entry => ({
    name,
    data: Buffer.from(content, 'utf8'),
    mode: S_IFREG | 0o666,
  });
  if (sourceContent !== undefined) {
    const filename = stringOf(config.source_content_filename);
    if (filename === undefined)
      throw new DiagnosticError('Invalid archive_file', 'source_content_filename must be set with source_content');
    return [created(filename, sourceContent)];
  }
  return sources
    .map((source) => created(String(source.filename), String(source.content)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The zip's bytes for `entries`, each with the permission bits `fileMode` when given. */
export function zipEntries(entries: readonly Entry[], fileMode?: number): Uint8Array {
  const zippable: Zippable = {};
  for (const { name, data, mode } of entries) {
    // Go's SetMode of a bare permission: a regular file with those bits (fileModeToUnixMode).
    const unixMode = fileMode === undefined ? mode : S_IFREG | (fileMode & 0o777);
    zippable[name] = [data, { mtime: ZIP_EPOCH, os: 3, attrs: (unixMode << 16) >>> 0, level: DEFLATE_LEVEL }];
  }
  return zipSync(zippable);
}

/**
 * The zips made lately, by what went into them: the same files and mode give the same bytes, so a
 * provider served for a whole `terraform test` (76 plans of one bundle) deflates each bundle once.
 */
const recentZips = new Map<string, Uint8Array>();
const RECENT_ZIPS = 8;

/** zipEntries, remembered for the same names, modes and bytes. */
export function zipOf(entries: readonly Entry[], fileMode?: number): Uint8Array {
  const hash = createHash('sha256').update(String(fileMode));
  for (const { name, data, mode } of entries) hash.update(`\0${name}\0${mode}\0${data.length}\0`).update(data);
  const key = hash.digest('base64');
  const known = recentZips.get(key);
  if (known) return known;
  const zip = zipEntries(entries, fileMode);
  recentZips.set(key, zip);
  if (recentZips.size > RECENT_ZIPS) recentZips.delete(recentZips.keys().next().value ?? key);
  return zip;
}

/** Writes `data` to `path` by renaming a finished file over it: a reader never sees half a zip. */
function writeWhole(path: string, data: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new DiagnosticError('Archive output error', `error writing ${path}: ${(error as Error).message}`);
  }
}

const digest = (algorithm: string, data: Uint8Array, encoding: 'hex' | 'base64'): string =>
  createHash(algorithm).update(data).digest(encoding);

function readArchiveFile(config: ObjectValue): ObjectValue {
  const type = stringOf(config.type);
  if (type !== 'zip')
    throw new DiagnosticError(
      'Unsupported by the stand-in',
      `archive_file type "${String(type)}": the stand-in writes zip archives only`,
    );
  const outputPath = stringOf(config.output_path)!;
  const mode = stringOf(config.output_file_mode);
  const zip = zipOf(entriesOf(config), mode === undefined ? undefined : parseFileMode(mode));
  writeWhole(outputPath, zip);
  const sha1 = digest('sha1', zip, 'hex');
  const values: Record<string, Value> = {
    id: sha1,
    output_size: zip.length,
    output_md5: digest('md5', zip, 'hex'),
    output_sha: sha1,
    output_sha256: digest('sha256', zip, 'hex'),
    output_base64sha256: digest('sha256', zip, 'base64'),
    output_sha512: digest('sha512', zip, 'hex'),
    output_base64sha512: digest('sha512', zip, 'base64'),
  };
  return values;
}

export const archiveProvider: ProviderDefinition<Record<string, never>> = {
  address: 'registry.terraform.io/hashicorp/archive',
  schema: loadProviderSchema('archive'),
  unconfigured: {},
  configure: () => ({}),
  resources: {},
  dataSources: { archive_file: { read: readArchiveFile } },
};
