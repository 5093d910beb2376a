// data "archive_file" in the stand-in: a real zip on disk, laid out as the real provider's
// zip_archiver.go lays it out, and hashes that are the file's own.
import t from 'tap';
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  archiveProvider,
  parseFileMode,
  zipEntries,
  zipOf,
} from '../../../../../local/terraform/standin/provider/archive.js';
import type { ObjectValue } from '../../../../../local/terraform/standin/provider/cty.js';

const read = (config: ObjectValue): ObjectValue =>
  archiveProvider.dataSources.archive_file!.read(config, {}) as ObjectValue;

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'archive-file-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The entries of a zip in file order, with their unix modes and DOS times, from the central directory. */
function centralDirectory(zip: Buffer): { name: string; mode: number; dosDate: number; dosTime: number }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      mode: zip.readUInt32LE(offset + 38) >>> 16,
      dosTime: zip.readUInt16LE(offset + 12),
      dosDate: zip.readUInt16LE(offset + 14),
    });
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

t.test('zips a folder: walk order, symlinks followed, one file mode, no times, real hashes', async (t) => {
  const dir = await scratch();
  const source = join(dir, 'src');
  await mkdir(join(source, 'a'), { recursive: true });
  await writeFile(join(source, 'a', 'b.txt'), 'inside a');
  await writeFile(join(source, 'a.txt'), 'beside a');
  await writeFile(join(source, 'index.mjs'), 'export const handler = 1;');
  await chmod(join(source, 'index.mjs'), 0o700);
  await symlink(join(source, 'a.txt'), join(source, 'z-link.txt'));
  const output = join(dir, 'out', 'code.zip');

  const values = read({ type: 'zip', source_dir: source, output_path: output, output_file_mode: '0644' });
  const zip = await readFile(output);
  const entries = centralDirectory(zip);
  // Go's filepath.Walk sorts each folder's names: "a" (and what is in it) before "a.txt".
  t.same(
    entries.map((e) => e.name),
    ['a/b.txt', 'a.txt', 'index.mjs', 'z-link.txt'],
  );
  t.ok(
    entries.every((e) => e.mode === 0o100644),
    'every entry a regular file with output_file_mode 0644',
  );
  t.ok(
    entries.every((e) => e.dosDate === ((0 << 9) | (1 << 5) | 1) && e.dosTime === 0),
    'every entry at the zip epoch, 1980-01-01 00:00',
  );
  const files = unzipSync(zip);
  t.equal(Buffer.from(files['z-link.txt']!).toString(), 'beside a', 'a symlink is zipped as the file it points to');
  t.equal(Buffer.from(files['a/b.txt']!).toString(), 'inside a');

  t.equal(
    values.output_base64sha256,
    createHash('sha256').update(zip).digest('base64'),
    'output_base64sha256 is the file’s',
  );
  t.equal(values.output_sha256, createHash('sha256').update(zip).digest('hex'));
  t.equal(values.output_md5, createHash('md5').update(zip).digest('hex'));
  t.equal(values.output_base64sha512, createHash('sha512').update(zip).digest('base64'));
  t.equal(values.id, createHash('sha1').update(zip).digest('hex'), 'the id is the SHA-1, as the real provider sets it');
  t.equal(values.output_size, zip.length);
  t.same(await readdir(join(dir, 'out')), ['code.zip'], 'no partial file left beside it');

  const again = read({
    type: 'zip',
    source_dir: source,
    output_path: join(dir, 'again.zip'),
    output_file_mode: '0644',
  });
  t.equal(again.output_base64sha256, values.output_base64sha256, 'the same folder gives the same bytes');
});

t.test('a zip made again from the same files is remembered, and any change makes a new one', async (t) => {
  const entries = [
    { name: 'index.mjs', data: Buffer.from('export const a = 1;'), mode: 0o100644 },
    { name: 'lib/b.mjs', data: Buffer.from('export const b = 2;'), mode: 0o100644 },
  ];
  t.same(Buffer.from(zipEntries(entries)), Buffer.from(zipEntries(entries)), 'zipping is deterministic in itself');
  const first = zipOf(entries);
  t.same(Buffer.from(first), Buffer.from(zipEntries(entries)), 'the remembered zip is the same bytes');
  t.equal(zipOf(entries.map((e) => ({ ...e, data: Buffer.from(e.data) }))), first, 'equal files: the very same zip');
  const changed = zipOf([entries[0]!, { ...entries[1]!, data: Buffer.from('export const b = 3;') }]);
  t.notOk(Buffer.from(changed).equals(Buffer.from(first)), 'one byte changed, same length: a new zip');
  t.equal(Buffer.from(unzipSync(changed)['lib/b.mjs']!).toString(), 'export const b = 3;', 'holding the new bytes');
  t.not(zipOf(entries, 0o600), first, 'another output_file_mode: a new zip');
  t.not(zipOf(entries.map((e) => ({ ...e, mode: 0o100755 }))), first, 'another file mode: a new zip');
  t.not(zipOf([{ ...entries[0]!, name: 'main.mjs' }, entries[1]!]), first, 'another name: a new zip');
});

t.test('without output_file_mode, each file keeps its own mode', async (t) => {
  const dir = await scratch();
  await writeFile(join(dir, 'run.sh'), '#!/bin/sh\n');
  await chmod(join(dir, 'run.sh'), 0o755);
  const source = join(dir, 'run.sh');
  read({ type: 'zip', source_file: source, output_path: join(dir, 'one.zip') });
  t.same(
    centralDirectory(await readFile(join(dir, 'one.zip'))).map((e) => [e.name, e.mode]),
    [['run.sh', 0o100755]],
  );
});

t.test('source_content and source blocks are zipped as named', async (t) => {
  const dir = await scratch();
  read({
    type: 'zip',
    source_content: 'hello',
    source_content_filename: 'greeting.txt',
    output_path: join(dir, 'content.zip'),
  });
  t.equal(Buffer.from(unzipSync(await readFile(join(dir, 'content.zip')))['greeting.txt']!).toString(), 'hello');
  read({
    type: 'zip',
    source: [
      { filename: 'b.txt', content: 'B' },
      { filename: 'a.txt', content: 'A' },
    ],
    output_path: join(dir, 'blocks.zip'),
  });
  t.same(
    centralDirectory(await readFile(join(dir, 'blocks.zip'))).map((e) => e.name),
    ['a.txt', 'b.txt'],
    'sorted by name, as the real provider does',
  );
});

t.test('what it cannot zip is an error with the real provider’s words', async (t) => {
  const dir = await scratch();
  t.throws(() => read({ type: 'zip', source_dir: join(dir, 'missing'), output_path: join(dir, 'x.zip') }), {
    summary: 'Archive creation error',
    message: /could not archive missing directory/,
  });
  await mkdir(join(dir, 'empty'));
  t.throws(() => read({ type: 'zip', source_dir: join(dir, 'empty'), output_path: join(dir, 'x.zip') }), {
    message: /archive has not been created as it would be empty/,
  });
  t.throws(() => read({ type: 'zip', output_path: join(dir, 'x.zip') }), {
    message: /exactly one of source_dir, source_file, source_content or source/,
  });
  t.throws(() => read({ type: 'tar.gz', source_dir: dir, output_path: join(dir, 'x.tgz') }), {
    message: /writes zip archives only/,
  });
  t.throws(() => read({ type: 'zip', source_dir: dir, output_path: join(dir, 'x.zip'), excludes: ['*.md'] }), {
    message: /does not match exclude patterns/,
  });
});

t.test('output_file_mode is read as Go reads it: a leading 0 is octal', async (t) => {
  t.equal(parseFileMode('0644'), 0o644);
  t.equal(parseFileMode('0o755'), 0o755);
  t.equal(parseFileMode('420'), 420);
  t.equal(parseFileMode('0x1a4'), 0o644);
  t.throws(() => parseFileMode('rw-r--r--'), { message: /error parsing output_file_mode value: rw-r--r--/ });
  t.throws(() => parseFileMode('0999'), { message: /error parsing output_file_mode/ });
});
