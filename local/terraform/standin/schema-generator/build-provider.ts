// One provider's schema file from its bindings package: the provider's configuration
// block, then each resource and data source type the target lists.
import { join } from 'node:path';
import type { Schema, SchemaFile } from '../provider/schema-types.js';
import { buildBlock, buildTypeBlock } from './build-block.js';
import { libFolderOf, packAndExtract, providerVersionOf, readmeTitleOf } from './binding-package.js';
import { loadLibrary, parseHclAttributes, synthesizeHclBody } from './binding-source.js';
import { indexJsii } from './jsii.js';
import { PROVIDER_BLOCK_MAX_ITEMS, SCHEMA_VERSIONS, type ProviderTarget } from './targets.js';

/** Downloads `target`'s bindings into `tmp` and reads its schema out of them. */
export function buildProviderSchema(target: ProviderTarget, tmp: string, handDerivedUsed: Set<string>): SchemaFile {
  const spec = `${target.bindingPackage}@${target.bindingVersion}`;
  const resourceFolders = target.resources.map((type) => libFolderOf(target.name, type, false));
  const dataSourceFolders = target.dataSources.map((type) => libFolderOf(target.name, type, true));
  console.log(`packing ${spec}`);
  const packageFolder = packAndExtract(tmp, spec, ['provider', ...resourceFolders, ...dataSourceFolders]);
  const version = providerVersionOf(packageFolder);
  console.log(`  README: ${readmeTitleOf(packageFolder)}\n  providerVersion: ${version}`);
  if (target.generatedFrom && version !== target.generatedFrom)
    throw new Error(`${spec} was generated from ${target.name} ${version}, expected ${target.generatedFrom}`);

  const jsii = indexJsii(join(packageFolder, '.jsii'));
  const shared = {
    jsii,
    providerBlockMaxItems: PROVIDER_BLOCK_MAX_ITEMS.get(target.name) ?? new Map<string, number>(),
    handDerivedUsed,
  };

  const providerDeclarations = loadLibrary(packageFolder, 'provider');
  const providerClass = [...providerDeclarations.classes].find(([, text]) =>
    /extends cdkt[fn]\.TerraformProvider\b/.test(text),
  );
  if (!providerClass) throw new Error(`${spec}: no TerraformProvider class in lib/provider`);
  const providerBlock = buildBlock(
    providerClass[0],
    parseHclAttributes(synthesizeHclBody(providerClass[1])),
    `${providerClass[0]}Config`,
    {
      ...shared,
      declarations: providerDeclarations,
      jsiiFile: 'src/provider/index.ts',
      where: `provider ${target.name}`,
      isProvider: true,
    },
  );

  const typeSchema = (type: string, folder: string, isDataSource: boolean, version: number): [string, Schema] => [
    type,
    {
      version,
      block: buildTypeBlock(type, isDataSource, {
        ...shared,
        declarations: loadLibrary(packageFolder, folder),
        jsiiFile: `src/${folder}/index.ts`,
      }),
    },
  ];
  return {
    format_version: '1.0',
    provider_schemas: {
      [target.source]: {
        provider: { version: 0, block: providerBlock },
        resource_schemas: Object.fromEntries(
          target.resources.map((type, i) =>
            typeSchema(type, resourceFolders[i]!, false, SCHEMA_VERSIONS.get(type) ?? 0),
          ),
        ),
        data_source_schemas: Object.fromEntries(
          target.dataSources.map((type, i) => typeSchema(type, dataSourceFolders[i]!, true, 0)),
        ),
      },
    },
  };
}
