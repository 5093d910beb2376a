// The schema generator's readers on a binding in miniature
// (test/fixtures/bindings/example-thing.ts): every kind of field becomes what
// `terraform providers schema -json` would print for it, and where the bindings contradict
// themselves the run stops and names the field.
import t from 'tap';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlockSchema } from '../../../../../local/terraform/standin/provider/schema-types.js';
import {
  buildTypeBlock,
  type BlockSource,
} from '../../../../../local/terraform/standin/schema-generator/build-block.js';
import {
  loadLibrary,
  type Declarations,
} from '../../../../../local/terraform/standin/schema-generator/binding-source.js';
import { indexJsii } from '../../../../../local/terraform/standin/schema-generator/jsii.js';
import { THING_JSII, THING_SOURCE, withInlineSourceMap } from '../../../../fixtures/bindings/example-thing.js';

const packageFolder = mkdtempSync(join(tmpdir(), 'bindings-fixture-'));
t.teardown(() => rmSync(packageFolder, { recursive: true, force: true }));
const writeLibrary = (folder: string, javascript: string): void => {
  mkdirSync(join(packageFolder, 'lib', folder), { recursive: true });
  writeFileSync(join(packageFolder, 'lib', folder, 'index.js'), javascript);
};
writeLibrary('thing', withInlineSourceMap(THING_SOURCE));
writeFileSync(join(packageFolder, '.jsii'), JSON.stringify(THING_JSII));
const jsii = indexJsii(join(packageFolder, '.jsii'));

const sourceOf = (declarations: Declarations): Omit<BlockSource, 'where' | 'isProvider'> => ({
  declarations,
  jsii,
  jsiiFile: 'src/thing/index.ts',
  providerBlockMaxItems: new Map(),
  handDerivedUsed: new Set(),
});
const thing = (source: string = THING_SOURCE): BlockSchema =>
  buildTypeBlock('example_thing', false, sourceOf(loadLibrary(packageFolder, write(source))));
let written = 0;
const write = (source: string): string => {
  const folder = `variant-${written++}`;
  writeLibrary(folder, withInlineSourceMap(source));
  return folder;
};

t.test('each kind of field, read from the source the inline source map carries', async (t) => {
  const block = buildTypeBlock('example_thing', false, sourceOf(loadLibrary(packageFolder, 'thing')));
  t.same(block.attributes, {
    name: { type: 'string', description_kind: 'plain', description: "The thing's name.", required: true },
    tags: { type: ['map', 'string'], description_kind: 'plain', optional: true },
    arn: { type: 'string', description_kind: 'plain', computed: true },
    aliases: { type: ['set', 'string'], description_kind: 'plain', computed: true },
    endpoint: {
      type: ['set', ['object', { address: 'string', ports: ['list', 'number'] }]],
      description_kind: 'plain',
      computed: true,
    },
  });
  const blocks = block.block_types!;
  t.same(Object.keys(blocks).sort(), ['rule', 'settings', 'timeouts']);
  t.match(blocks.rule, { nesting_mode: 'set', min_items: 1 }, 'a required set of blocks');
  t.equal(blocks.rule!.max_items, undefined, 'a list mapper: any number of them');
  t.same(blocks.rule!.block.attributes, {
    priority: { type: 'number', description_kind: 'plain', description: 'Lower runs first!', required: true },
  });
  t.same(
    [blocks.settings!.nesting_mode, blocks.settings!.max_items, blocks.settings!.min_items],
    ['list', 1, undefined],
    'no list mapper: a list of at most one block',
  );
  t.same(
    blocks.settings!.block.attributes!.mode,
    { type: 'string', description_kind: 'plain', description: 'The mode', optional: true },
    'a description with no full stop, whole',
  );
  t.same(blocks.timeouts, {
    nesting_mode: 'single',
    block: {
      attributes: {
        create: { type: 'string', description_kind: 'plain', description: 'How long to wait.', optional: true },
      },
      description_kind: 'plain',
    },
  });
});

t.test('without a source map it reads the compiled file itself', async (t) => {
  writeLibrary('plain', THING_SOURCE);
  const block = buildTypeBlock('example_thing', false, sourceOf(loadLibrary(packageFolder, 'plain')));
  t.same(Object.keys(block.attributes!).sort(), ['aliases', 'arn', 'endpoint', 'name', 'tags']);
});

t.test('where the bindings contradict themselves, the run stops and names the field', async (t) => {
  t.throws(
    () => thing(THING_SOURCE.replace('  // tags - computed: false, optional: true, required: false\n', '')),
    /example_thing\.tags: settable but has no schema comment/,
  );
  t.throws(
    () =>
      thing(
        THING_SOURCE.replace(
          '// tags - computed: false, optional: true, required: false',
          '// tags - computed: false, optional: false, required: true',
        ),
      ),
    /example_thing\.tags: required differs between index\.js and \.jsii/,
  );
  t.throws(
    () => thing(THING_SOURCE.replace('storageClassType: "stringMap"', 'storageClassType: "stringList"')),
    /example_thing\.tags: type map vs stringList/,
  );
  t.throws(
    () =>
      thing(THING_SOURCE.replace("return this.getStringAttribute('arn');", "return this.getWidgetAttribute('arn');")),
    /example_thing\.arn: cannot derive type from getter/,
  );
  t.throws(
    () => thing(THING_SOURCE.replace('type: "struct"', 'type: "tuple"')),
    /example_thing\.timeouts: unknown block nesting tuple/,
  );
  t.throws(
    () => thing(THING_SOURCE.replace('class ThingEndpointOutputReference', 'class ThingEndpointReference')),
    /example_thing\.endpoint: no class ThingEndpointOutputReference/,
  );
});

t.test('a type is found by its tfResourceType, and must be of the kind asked for', async (t) => {
  const declarations = loadLibrary(packageFolder, 'thing');
  t.throws(() => buildTypeBlock('example_other', false, sourceOf(declarations)), /example_other: no class/);
  t.throws(
    () => buildTypeBlock('example_thing', true, sourceOf(declarations)),
    /example_thing: Thing is not a TerraformDataSource/,
  );
});
