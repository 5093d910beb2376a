// A provider's bindings package from the npm registry, unpacked: only the files the
// generator reads (.jsii, README.md and one lib/<type>/index.js per type).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * `npm pack`s `spec` into `tmp` and unpacks from it .jsii, README.md and the index.js of
 * each folder of lib/ named; returns the unpacked package's folder.
 */
export function packAndExtract(tmp: string, spec: string, libFolders: readonly string[]): string {
  const packed = execFileSync('npm', ['pack', spec, '--pack-destination', tmp, '--silent'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tarball = join(tmp, packed.trim().split('\n').pop() ?? '');
  const folder = join(tmp, basename(tarball, '.tgz'));
  mkdirSync(folder);
  const members = ['package/.jsii', 'package/README.md', ...libFolders.map((lib) => `package/lib/${lib}/index.js`)];
  execFileSync('tar', ['-xzf', tarball, '-C', folder, ...members]);
  rmSync(tarball);
  return join(folder, 'package');
}

/**
 * The lib/ folder of a type: lib/data-aws-region for the data source aws_region,
 * lib/lambda-function for the resource aws_lambda_function.
 */
export function libFolderOf(providerName: string, typeName: string, isDataSource: boolean): string {
  const kebab = (name: string): string => name.replace(/_/g, '-');
  if (isDataSource) return `data-${kebab(typeName)}`;
  const prefix = `${providerName}_`;
  return kebab(typeName.startsWith(prefix) ? typeName.slice(prefix.length) : typeName);
}

/** The provider release the bindings were generated from, as lib/provider/index.js says it. */
export function providerVersionOf(packageFolder: string): string | undefined {
  const source = readFileSync(join(packageFolder, 'lib', 'provider', 'index.js'), 'utf8');
  return source.match(/providerVersion: '([^']+)'/)?.[1];
}

/** The README's title, which names the provider release too ("… prebuilt bindings for hashicorp/aws provider version …"). */
export function readmeTitleOf(packageFolder: string): string | undefined {
  return readFileSync(join(packageFolder, 'README.md'), 'utf8').match(/^#.*prebuilt bindings.*$/m)?.[0];
}
