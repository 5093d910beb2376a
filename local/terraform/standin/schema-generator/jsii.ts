// The bindings' .jsii assembly: each struct's properties with their documentation, which
// gives the provider's descriptions and a second word on required versus optional.
import { readFileSync } from 'node:fs';

/** The part of a jsii type the generator reads. */
interface JsiiType {
  readonly name: string;
  readonly locationInModule?: { readonly filename?: string };
  readonly properties?: readonly {
    readonly optional?: boolean;
    readonly docs?: { readonly summary?: string; readonly remarks?: string };
  }[];
}

/** The jsii types by source file (`src/lambda-function/index.ts`) and name. */
export type JsiiIndex = ReadonlyMap<string, ReadonlyMap<string, JsiiType>>;

/** A struct property, by its Terraform name. */
export interface JsiiProperty {
  /** The provider's own description, first sentence; none for the bindings' stock text. */
  readonly description: string | undefined;
  readonly optional: boolean;
  /** Documented only as "<name> block.": the bindings' word for a block they do not describe. */
  readonly blockDocs: boolean;
}

export function indexJsii(jsiiFile: string): JsiiIndex {
  const assembly = JSON.parse(readFileSync(jsiiFile, 'utf8')) as { types: Record<string, JsiiType> };
  const index = new Map<string, Map<string, JsiiType>>();
  for (const type of Object.values(assembly.types)) {
    const file = type.locationInModule?.filename;
    if (!file) continue;
    if (!index.has(file)) index.set(file, new Map());
    index.get(file)!.set(type.name, type);
  }
  return index;
}

/** A struct's properties by Terraform name, as its docs' registry link names them (`…#function_name LambdaFunction#function_name}`). */
export function jsiiProperties(struct: JsiiType | undefined): Map<string, JsiiProperty> {
  const properties = new Map<string, JsiiProperty>();
  for (const property of struct?.properties ?? []) {
    const docs = `${property.docs?.summary ?? ''} ${property.docs?.remarks ?? ''}`;
    const terraformName = docs.match(/#(\w+) \w+#\w+\}/)?.[1];
    if (!terraformName) continue;
    properties.set(terraformName, {
      description: cleanDescription(property.docs?.summary),
      optional: property.optional === true,
      blockDocs: property.docs?.summary === `${terraformName} block.`,
    });
  }
  return properties;
}

/** The provider's own description, first sentence; nothing for the bindings' stock text. */
function cleanDescription(summary: string | undefined): string | undefined {
  if (!summary) return undefined;
  if (/^Docs at Terraform Registry/.test(summary) || / block\.$/.test(summary)) return undefined;
  const text = summary.replace(/\s+/g, ' ').trim();
  return text.match(/^.*?[.!?](?=\s+[A-Z(]|$)/)?.[0] ?? text;
}
