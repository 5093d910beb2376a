import t from 'tap';
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArchive } from '../../../../local/terraform/provider/archive.js';

/** Each entry's Unix mode, from the zip's central directory (external attributes, high 16 bits). */
function modes(zip: Buffer): Record<string, number> {
  const signature = Buffer.from([0x50, 0x4b, 1, 2]);
  const result: Record<string, number> = {};
  for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 46)) {
    const nameLength = zip.readUInt16LE(at + 28);
    result[zip.subarray(at + 46, at + 46 + nameLength).toString()] = zip.readUInt32LE(at + 38) >>> 16;
  }
  return result;
}

t.test('source_dir zips every file, with output_file_mode and the same bytes every time', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'archive-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'src/lib'), { recursive: true });
  await writeFile(join(dir, 'src/index.mjs'), 'export const handler = () => 1;\n');
  await writeFile(join(dir, 'src/lib/util.mjs'), 'export {};\n');
  const config = { type: 'zip', source_dir: join(dir, 'src'), output_path: join(dir, 'out/fn.zip'), output_file_mode: '0666', excludes: null };
  const first = writeArchive(config);
  const zip = await readFile(join(dir, 'out/fn.zip'));
  t.same(Object.keys(unzipSync(zip)).sort(), ['index.mjs', 'lib/util.mjs']);
  t.equal(Buffer.from(unzipSync(zip)['index.mjs']!).toString(), 'export const handler = () => 1;\n');
  t.equal(first.output_base64sha256, createHash('sha256').update(zip).digest('base64'));
  t.equal(first.output_md5, createHash('md5').update(zip).digest('hex'));
  t.equal(first.output_size, zip.length);
  t.equal(modes(zip)['index.mjs']! & 0o777, 0o666, 'output_file_mode');
  await utimes(join(dir, 'src/index.mjs'), new Date(2001, 1, 1), new Date(2001, 1, 1));
  t.equal(writeArchive(config).output_base64sha256, first.output_base64sha256, 'file times do not change the zip');
  t.ok(Number(writeArchive({ ...config, excludes: ['lib/util.mjs'] }).output_size) < Number(first.output_size), 'excludes leave files out');
});

t.test('a missing source folder is the archive provider\'s error', async (t) => {
  t.throws(() => writeArchive({ type: 'zip', source_dir: '/nonexistent/build/lambda', output_path: '/tmp/x.zip' }), /could not archive missing directory: \/nonexistent\/build\/lambda/);
});
