// `make help` lists every documented target once, under the group of what people come to
// do, with the descriptions in one column however long a target's name is.
import t from 'tap';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const env = { ...process.env, MAKEFLAGS: '', MAKELEVEL: '' };

interface Listing {
  readonly groups: string[];
  readonly entries: { group: string; target: string; column: number }[];
}

function parse(output: string): Listing {
  const groups: string[] = [];
  const entries: Listing['entries'] = [];
  for (const line of output.split('\n')) {
    const entry = /^ {2}make (\S+)( +)\S/.exec(line);
    if (entry)
      entries.push({
        group: groups.at(-1) ?? '',
        target: entry[1]!,
        column: '  make '.length + entry[1]!.length + entry[2]!.length,
      });
    else if (line.trim() !== '') groups.push(line);
  }
  return { groups, entries };
}

t.test('make help: every documented target once, grouped, aligned', async (t) => {
  const makefile = readFileSync(join(root, 'Makefile'), 'utf8');
  const documented = [...makefile.matchAll(/^([a-z][a-z-]*):.*## /gm)].map((match) => match[1]!);
  t.ok(documented.length > 20, `${documented.length} documented targets`);
  const result = await run('make', ['--no-print-directory', 'help'], root, env);
  t.equal(result.code, 0);
  const { groups, entries } = parse(result.stdout);
  t.same(
    groups,
    ['Start', 'Call', 'Deploy', 'Test', 'Maintain'],
    'the groups, in the order people need them, and no "Other"',
  );
  t.same(entries.map((entry) => entry.target).sort(), [...documented].sort(), 'each documented target exactly once');
  t.same([...new Set(entries.map((entry) => entry.column))], [entries[0]!.column], 'one column for the descriptions');
  t.equal(entries.find((entry) => entry.group === 'Start')?.target, 'dev', 'make dev comes first');
  t.ok(
    entries.find((entry) => entry.target === 'record-responses'),
    'the longest name is listed too',
  );
});

t.test('a documented target no group names is still listed, under "Other"', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'make-help-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'Makefile'), 'a: ## first\n\nlonger-name: ## second\n\nb: ## third\n');
  const result = await run(
    'awk',
    ['-v', 'groups=One:b,a', '-f', join(root, 'scripts/help.awk'), join(dir, 'Makefile')],
    dir,
    env,
  );
  t.equal(
    result.stdout,
    'One\n  make b            third\n  make a            first\n\nOther\n  make longer-name  second\n',
  );
});
