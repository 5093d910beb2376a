// The README is the front door: short, a quick start on its first screen, and every
// claim it and docs/ make that a program can check is checked here — the make targets
// they name, the links between them, the layout table against the folders.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformMinimum } from '../../local/terraform/minimum.js';
import { anchors, codeTexts, linkTargets, section, slug, tableRows } from '../helpers/markdown.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const README = 'README.md';
const docs = [
  README,
  'SECURITY.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** Every target the Makefile defines, pattern rules and files aside. */
function makeTargets(makefile: string): Set<string> {
  const targets = new Set<string>();
  for (const match of makefile.matchAll(/^([a-z][a-z0-9-]*(?:[ \t]+[a-z][a-z0-9-]*)*)[ \t]*:(?!=)/gm)) {
    for (const name of match[1]!.split(/[ \t]+/)) targets.add(name);
  }
  return targets;
}

/** The targets of every `make …` command written in code. */
function namedTargets(text: string): string[] {
  return codeTexts(text).flatMap((code) =>
    [...code.matchAll(/(?:^|[\s;&|(])make[ \t]+(?:-[-\w=]+[ \t]+)*([a-z][a-z0-9-]*)/gm)].map((match) => match[1]!),
  );
}

t.test('the checkers find what they look for', async (t) => {
  const sample = [
    '# A `title`: here',
    '## Call it',
    '## Call it',
    '```sh',
    'make dev   # [no](link.md)',
    '```',
    'Run `make nope` and `FUZZ_SEED=1 make --no-print-directory fuzz`; see [api](docs/api.md#errors) and ![x](y.png).',
    '| path | what |',
    '|---|---|',
    '| `a/`, `b` | one \\| two |',
  ].join('\n');
  t.same(namedTargets(sample), ['dev', 'nope', 'fuzz']);
  t.same(linkTargets(sample), ['docs/api.md#errors', 'y.png'], 'links outside code only');
  t.same([...anchors(sample)], ['a-title-here', 'call-it', 'call-it-1']);
  t.equal(slug('`GET /generate?url=…`'), 'get-generateurl');
  t.same(tableRows(sample.split('\n')), [['`a/`, `b`', 'one \\| two']]);
  t.same(section(sample, 'Call it'), [], 'a section ends at the next heading of its level');
  t.same([...makeTargets('a b: c\nd:\n\tx: y\nE := 1\n.PHONY: a\n')], ['a', 'b', 'd']);
});

t.test(`${README} is a front door: short, with the quick start on its first screen`, async (t) => {
  const text = read(README);
  const lines = text.split('\n');
  t.ok(lines.length <= 200, `${lines.length} lines, at most 200`);
  const firstScreen = lines.slice(0, 40).join('\n');
  const code = codeTexts(firstScreen);
  t.ok(
    code.some((block) => /^make dev$/m.test(block)),
    '`make dev` as a command to paste',
  );
  // The port the quick start names is the one `make dev` uses when PORT is not set.
  const port = /const port = Number\(process\.env\.PORT \?\? (\d+)\)/.exec(read('local/cli.ts'))?.[1];
  t.ok(port, 'local/cli.ts has a default port');
  t.ok(
    code.some((block) => new RegExp(`^curl .*http://127\\.0\\.0\\.1:${port}/generate`, 'm').test(block)),
    'a curl to the local API',
  );
  t.match(firstScreen, new RegExp(`http://127\\.0\\.0\\.1:${port}/[^\\w]`), 'the page URL');
  t.match(firstScreen, /Ctrl-C/, 'and how to stop');
  const contents = section(text, 'Contents');
  t.ok(contents.length > 0, 'a table of contents');
  const own = anchors(text);
  const entries = linkTargets(contents.join('\n')).filter((target) => target.startsWith('#'));
  t.ok(entries.length >= 4, `${entries.length} entries`);
  for (const heading of ['Call it', 'Deploy', 'Production edge (opt-in)', 'More']) {
    t.ok(entries.includes(`#${slug(heading)}`), `the contents list "${heading}"`);
    t.ok(own.has(slug(heading)), `and it is a section`);
  }
  t.ok(text.indexOf('## Call it') < text.indexOf('## Deploy'), 'calling it comes before deploying');
});

t.test("the Terraform version the docs ask for is main.tf's minimum, the one the preflight checks", async (t) => {
  const minimum = /^ {2}required_version = ">= ([\d.]+)"$/m.exec(read('main.tf'))?.[1];
  t.ok(minimum, 'main.tf names a minimum');
  t.match(
    read('scripts/preflight.sh'),
    /^TERRAFORM_MINIMUM=.*required_version.*main\.tf/m,
    'which the preflight reads',
  );
  for (const path of [README, 'docs/deploy.md', 'docs/contributing.md', 'docs/offline-terraform.md']) {
    // As a prerequisite: the install link, or "Terraform ≥" in a list of what is needed.
    const asked = [
      ...read(path).matchAll(
        /(?:\[Terraform\]\(https:\/\/developer\.hashicorp\.com\/terraform\/install\)(?: on `PATH`)?|(?:,| and) Terraform) ≥ ([\d.]+)/g,
      ),
    ].map((match) => match[1]);
    t.ok(asked.length > 0, `${path} names a Terraform version`);
    t.same([...new Set(asked)], [minimum], `${path} asks for ≥ ${minimum}`);
  }
  t.equal(terraformMinimum(root), minimum, 'and so does the local stack when terraform will not run');
  t.match(read('local/terraform/plan.ts'), /needed for the local stack, >= \$\{terraformMinimum\(/, 'in its message');
});

// Each Terraform feature the project's files use, with the release that brought it
// (Terraform's CHANGELOG.md at each tag, and HashiCorp's "Tests" language page for the
// test-file ones). main.tf's minimum must be at least the newest of those in use: an older
// Terraform would refuse the test files or the documented backend.
const TERRAFORM_FEATURES: readonly { name: string; since: string; pattern: RegExp; in: 'tests' | 'tf' | 'docs' }[] = [
  { name: '`terraform test` files', since: '1.6', pattern: /^run "/m, in: 'tests' },
  {
    name: 'override_data (v1.7.0: "Specific data sources can be overridden")',
    since: '1.7',
    pattern: /^\s*override_data\s*\{/m,
    in: 'tests',
  },
  { name: 'override_resource', since: '1.7', pattern: /^\s*override_resource\s*\{/m, in: 'tests' },
  { name: 'mock_provider', since: '1.7', pattern: /^\s*mock_provider\s/m, in: 'tests' },
  { name: 'issensitive() (v1.8.0: "New issensitive function")', since: '1.8', pattern: /\bissensitive\(/, in: 'tests' },
  { name: 'issensitive() in the configuration', since: '1.8', pattern: /\bissensitive\(/, in: 'tf' },
  { name: 'templatestring()', since: '1.9', pattern: /\btemplatestring\(/, in: 'tf' },
  {
    name: 'S3\'s use_lockfile (v1.10.0: "S3 native state locking")',
    since: '1.10',
    pattern: /\buse_lockfile\b/,
    in: 'docs',
  },
  {
    name: 'a run block\'s state_key (v1.11.0: "new state_key attribute for run blocks")',
    since: '1.11',
    pattern: /^\s*state_key\s*=/m,
    in: 'tests',
  },
  { name: 'override_during', since: '1.11', pattern: /^\s*override_during\s*=/m, in: 'tests' },
];

/** a < b, compared as versions ("1.9" < "1.11"). */
const olderThan = (a: string, b: string): boolean => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x!.length, y!.length); i++) {
    if ((x![i] ?? 0) !== (y![i] ?? 0)) return (x![i] ?? 0) < (y![i] ?? 0);
  }
  return false;
};

t.test("main.tf's Terraform minimum is at least the release of every feature the project uses", async (t) => {
  const minimum = terraformMinimum(root) ?? '0';
  const files = {
    tests: readdirSync(join(root, 'test/terraform'))
      .filter((name) => name.endsWith('.tftest.hcl'))
      .map((name) => `test/terraform/${name}`),
    tf: readdirSync(root)
      .filter((name) => name.endsWith('.tf'))
      .map((name) => name),
    docs,
  };
  t.ok(files.tests.length > 0 && files.tf.includes('main.tf'), 'the files are found');
  t.ok(
    olderThan('1.9', '1.11') && !olderThan('1.11', '1.11') && olderThan('1.6', '1.7'),
    'versions compare as versions',
  );
  // In .tf and .tftest.hcl files, what is used, not what a comment names.
  const text = (path: string, kind: string): string =>
    kind === 'docs' ? read(path) : read(path).replace(/^\s*(?:#|\/\/).*$/gm, '');
  const used = TERRAFORM_FEATURES.filter((feature) =>
    files[feature.in].some((path) => feature.pattern.test(text(path, feature.in))),
  );
  t.ok(
    used.some((feature) => feature.since === '1.6'),
    'the test files are seen',
  );
  for (const feature of used) {
    t.notOk(
      olderThan(minimum, feature.since),
      `${feature.name} needs Terraform >= ${feature.since}; main.tf asks >= ${minimum}`,
    );
  }
});

t.test("the CDN's TLS floor the docs state is the one edge.tf plans, with and without a domain", async (t) => {
  // CloudFront forces TLSv1 on its own certificate whatever is asked (API_ViewerCertificate);
  // edge.tf plans that, and the docs must not promise more.
  const floors = /minimum_protocol_version += local\.domain_enabled \? "([^"]+)" : "([^"]+)"/.exec(read('edge.tf'));
  t.ok(floors, "edge.tf names the distribution's floor with a domain and without");
  const [, withDomain, withoutDomain] = floors ?? [];
  t.equal(withoutDomain, 'TLSv1', "CloudFront's own certificate: TLSv1, as CloudFront forces");
  const cdnEnabled = /variable "cdn_enabled" \{[^}]*?description += "([^"]*)"/s.exec(read('variables.tf'))?.[1] ?? '';
  const edge = read('docs/production-edge.md');
  for (const [where, text] of [
    ['variables.tf cdn_enabled', cdnEnabled],
    ['docs/production-edge.md', edge],
  ] as const) {
    t.ok(
      text.includes(withoutDomain!) && text.includes(withDomain!),
      `${where} names ${withoutDomain} and ${withDomain}`,
    );
  }
  t.match(edge, /API_ViewerCertificate\.html/, "the doc cites CloudFront's rule");
});

t.test(
  'rollback: the docs say published versions are kept, what they cost and the quota they count against',
  async (t) => {
    // Nothing in the .tf files, the Makefile or scripts/ deletes a version (no DeleteFunction with a
    // qualifier), so the doc must say they pile up: free, but within Lambda's code storage
    // quota (75 GB per region, "Lambda quotas" in AWS's Lambda developer guide).
    const pruning = /delete-function|DeleteFunction|rollback_keep_versions/;
    const scripts = readdirSync(join(root, 'scripts')).map((name) => `scripts/${name}`);
    const tf = readdirSync(root).filter((name) => name.endsWith('.tf'));
    const pruned = [...tf, 'Makefile', ...scripts].filter((path) => pruning.test(read(path)));
    const rollback = section(read('docs/production-edge.md'), 'Rollback').join('\n');
    t.same(pruned, [], 'nothing deletes a published version');
    t.match(rollback, /Published versions are kept/, 'the Rollback section says versions are kept');
    t.match(rollback, /75 GB of code storage per region/, 'and the quota they count against');
    t.match(
      rollback,
      /https:\/\/docs\.aws\.amazon\.com\/lambda\/latest\/dg\/gettingstarted-limits\.html/,
      "citing AWS's quotas page",
    );
    t.match(rollback, /cost nothing/, 'and what they cost');
    t.match(
      /variable "rollback_enabled" \{[^}]*?description += "([^"]*)"/s.exec(read('variables.tf'))?.[1] ?? '',
      /never pruned.*75 GB/,
      'and so does the variable',
    );
  },
);

t.test('every make target the README and docs/ name exists', async (t) => {
  const targets = makeTargets(read('Makefile'));
  t.ok(targets.size > 20, `${targets.size} targets in the Makefile`);
  for (const path of docs) {
    const named = [...new Set(namedTargets(read(path)))];
    const unknown = named.filter((name) => !targets.has(name));
    t.same(unknown, [], `${path}: ${named.length} targets named, all in the Makefile`);
  }
});

t.test('every relative link in the README and docs/ resolves, anchors included', async (t) => {
  for (const path of docs) {
    const targets = linkTargets(read(path)).filter((target) => !/^[a-z]+:/.test(target));
    const broken: string[] = [];
    for (const target of targets) {
      const [file, anchor] = target.split('#') as [string, string | undefined];
      const resolved = file === '' ? join(root, path) : join(root, dirname(path), decodeURIComponent(file));
      if (!existsSync(resolved)) {
        broken.push(`${target} (no file ${relative(root, resolved)})`);
        continue;
      }
      if (anchor !== undefined && !anchors(readFileSync(resolved, 'utf8')).has(anchor))
        broken.push(`${target} (no heading #${anchor})`);
    }
    t.same(broken, [], `${path}: ${targets.length} links`);
  }
});

t.test('the layout table in docs/contributing.md names every folder, and only folders that exist', async (t) => {
  const rows = tableRows(section(read('docs/contributing.md'), 'Layout'));
  t.ok(rows.length > 10, `${rows.length} rows`);
  const named = rows.flatMap((row) => [...row[0]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
  const missing = named.filter((path) => !existsSync(join(root, path)));
  t.same(missing, [], 'every path in the first column exists');

  // The folders a clone has: those holding a file git knows.
  const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  }).stdout.split('\n');
  const folders = new Set(
    files.flatMap((file) =>
      file
        .split('/')
        .slice(0, -1)
        .map((_, depth, parts) => `${parts.slice(0, depth + 1).join('/')}/`),
    ),
  );
  const expected = [...folders].filter((folder) => {
    const parts = folder.split('/').filter(Boolean);
    return parts.length === 1 || (parts.length === 2 && ['lambda', 'local', 'test', 'bench'].includes(parts[0]!));
  });
  t.ok(
    expected.includes('.ci/') && expected.includes('lambda/page/') && expected.includes('test/terraform/'),
    `${expected.length} folders to name`,
  );
  for (const folder of expected)
    t.ok(named.includes(folder) && statSync(join(root, folder)).isDirectory(), `${folder} has a row`);
});

t.test('the times the docs state are the measured ones, in the block make timings writes', async (t) => {
  const contributing = read('docs/contributing.md');
  const block = /<!-- timings:start -->\n([\s\S]*?)\n<!-- timings:end -->/.exec(contributing)?.[1] ?? '';
  t.match(block, /^The last full run measured here \(\d{4}-\d{2}-\d{2}, two shared cores\): \d+ test files in \d+ s/);
  const rows = [...block.matchAll(/^\| `([^`]+)` \| (\d+) s \|$/gm)].map(([, file, time]) => ({
    file: file!,
    time: Number(time),
  }));
  t.equal(rows.length, 10, 'the ten slowest files');
  for (const { file } of rows) t.ok(existsSync(join(root, file)), `${file} is a test file here`);
  t.same(
    rows.map((row) => row.time),
    [...rows.map((row) => row.time)].sort((a, b) => b - a),
    'slowest first',
  );
  // Elsewhere, no duration of a make target or a test run is stated by hand.
  const claim =
    /\b(?:about|roughly|under|in) (?:a|one|two|three|\d+) (?:minutes?|seconds?)\b|\b\d+ to \d+\s+(?:seconds|minutes)\b/;
  for (const path of docs) {
    const text = path === 'docs/contributing.md' ? read(path).replace(block, '') : read(path);
    t.notMatch(text, claim, `${path} states no time but the measured ones`);
  }
});
