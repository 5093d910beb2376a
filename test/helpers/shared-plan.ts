// One `terraform plan` of the project, shared by the test files that only read it (the
// integration tests' local stacks): planned by the first that asks, kept under
// node_modules/.cache, and planned again whenever what Terraform reads changes — a
// configuration file, the bundle it zips, the variables and region in the environment,
// the day (the runtime checks compare dates) — or the zip it wrote is not the one there.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isConfigFile, planModule, type PlanJson } from '../../local/terraform/plan.js';
import { stackConfigOf, type StackConfig } from '../../local/terraform/stack-config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(root, 'node_modules/.cache/qr-lambda/plans');
const ZIP = join(root, 'build/lambda.zip');

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Every file under `dir`, by its path from `root`, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** What the plan depends on, as one hash. */
async function planKey(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const hash = createHash('sha256');
  const configFiles = (await readdir(root)).filter(isConfigFile).sort();
  for (const file of [...configFiles, ...(await filesUnder(join(root, 'build/lambda')))])
    hash.update(`${file}\0${sha256(await readFile(join(root, file)))}\0`);
  for (const name of Object.keys(env).sort())
    if (/^(TF_VAR_|AWS_REGION$|AWS_DEFAULT_REGION$|AWS_PROFILE$)/.test(name)) hash.update(`${name}=${env[name]}\0`);
  hash.update(new Date().toISOString().slice(0, 10));
  return hash.digest('hex');
}

interface Entry {
  readonly plan: PlanJson;
  /** The zip the plan wrote: the stack runs it. */
  readonly zip: string;
}

/** The project's plan, from the cache when nothing it depends on has changed. */
async function sharedPlan(): Promise<PlanJson> {
  const file = join(CACHE, `${await planKey()}.json`);
  try {
    const entry = JSON.parse(await readFile(file, 'utf8')) as Entry;
    if (entry.zip === sha256(await readFile(ZIP))) return entry.plan;
  } catch {
    // Not planned yet, or its zip is gone: plan.
  }
  const plan = await planModule(root, {});
  const entry: Entry = { plan, zip: sha256(await readFile(ZIP)) };
  await mkdir(CACHE, { recursive: true });
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, JSON.stringify(entry));
  await rename(partial, file);
  return plan;
}

/** The local stack's configuration of the project, from the shared plan. */
export async function sharedStackConfig(): Promise<StackConfig> {
  return stackConfigOf(await sharedPlan(), root);
}
