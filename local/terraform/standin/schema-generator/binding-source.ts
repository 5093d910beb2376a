// Reading the bindings' generated source. lib/<type>/index.js carries the generator's
// TypeScript as an inline source map, which keeps every comment:
//   - per attribute a comment `// name - computed: X, optional: Y, required: Z`, the
//     schema's own flags, followed by its getter (and setter, if settable);
//   - `synthesizeHclAttributes()` / `<struct>ToHclTerraform()` list the settable names with
//     whether each is a block, its nesting (list | set | struct) and its storage class
//     (stringList, stringMap, number, …).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The top-level classes and functions of a source file, each by name, with its text. */
export interface Declarations {
  readonly classes: ReadonlyMap<string, string>;
  readonly functions: ReadonlyMap<string, string>;
}

/** A settable name as an HCL mapper lists it. */
export interface HclAttribute {
  /** The mapper's value expression, e.g. `cdktn.listMapperHcl(environmentToHclTerraform, true)(…)`. */
  readonly value: string;
  readonly isBlock: boolean;
  /** `simple`, `list`, `set`, `map`, or for blocks `struct`. */
  readonly type: string;
  /** `string`, `number`, `boolean`, `any`, `stringList`, `numberMap`, … */
  readonly storageClassType: string;
}

/** A schema field of a class, from its flags comment and the code up to the next one. */
export interface SchemaField {
  readonly name: string;
  readonly computed: boolean;
  readonly optional: boolean;
  readonly required: boolean;
  /** The class a complex field is made of (`new XList(this, "x", true)`). */
  readonly complexClass?: string | undefined;
  /** Whether that class wraps a set (its constructor's last argument). */
  readonly wrapsSet?: boolean;
  /** What its getter returns, e.g. `this.getStringAttribute('arn')`. */
  readonly getter?: string | undefined;
}

/** The generator's TypeScript from the inline source map; the compiled JavaScript if there is none. */
function readSource(file: string): string {
  const javascript = readFileSync(file, 'utf8');
  const inlineMap = javascript.match(/\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/);
  if (!inlineMap) return javascript;
  const sourceMap = JSON.parse(Buffer.from(inlineMap[1]!, 'base64').toString('utf8')) as {
    sourcesContent?: (string | null)[];
  };
  return sourceMap.sourcesContent?.[0] ?? javascript;
}

function splitDeclarations(source: string): Declarations {
  const starts = [...source.matchAll(/^(?:export )?(class|function|interface) (\w+)/gm)];
  const classes = new Map<string, string>();
  const functions = new Map<string, string>();
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : source.length;
    const text = source.slice(start.index, end);
    if (start[1] === 'class') classes.set(start[2]!, text);
    else if (start[1] === 'function') functions.set(start[2]!, text);
  });
  return { classes, functions };
}

/** The declarations of lib/<folder>/index.js in an unpacked bindings package. */
export const loadLibrary = (packageFolder: string, libFolder: string): Declarations =>
  splitDeclarations(readSource(join(packageFolder, 'lib', libFolder, 'index.js')));

/** The attributes object of a *ToHclTerraform function or of synthesizeHclAttributes, by name. */
export function parseHclAttributes(text: string): Map<string, HclAttribute> {
  const entry =
    /(\w+): \{\s*value: ([^\n]*),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",?\s*\}/g;
  const attributes = new Map<string, HclAttribute>();
  for (const match of text.matchAll(entry)) {
    attributes.set(match[1]!, {
      value: match[2]!,
      isBlock: match[3] === 'true',
      type: match[4]!,
      storageClassType: match[5]!,
    });
  }
  return attributes;
}

/** A resource's, data source's or provider's class from its synthesizeHclAttributes() on. */
export function synthesizeHclBody(classText: string): string {
  const start = classText.indexOf('synthesizeHclAttributes()');
  if (start < 0) throw new Error('no synthesizeHclAttributes() in class');
  return classText.slice(start);
}

/** The schema fields of a class, in order. */
export function parseFields(classText: string): SchemaField[] {
  const flags = /\/\/ (\w+) - computed: (true|false), optional: (true|false), required: (true|false)\n/g;
  const marks = [...classText.matchAll(flags)];
  return marks.map((mark, i) => {
    const end = i + 1 < marks.length ? marks[i + 1]!.index : classText.length;
    const code = classText.slice(mark.index + mark[0].length, end);
    const complex = code.match(/= new (\w+)\(this, "\w+"(?:, (true|false))?\)/);
    const getter = code.match(/get \w+\(\)[^{]*\{\s*return ([^;]+);/);
    return {
      name: mark[1]!,
      computed: mark[2] === 'true',
      optional: mark[3] === 'true',
      required: mark[4] === 'true',
      complexClass: complex?.[1],
      wrapsSet: complex?.[2] === 'true',
      getter: getter?.[1]?.trim(),
    };
  });
}
