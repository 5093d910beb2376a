import { spawnSync } from 'node:child_process';

/**
 * Python's vobject (Debian's python3-vobject, installed by `make system-deps`), a reader of
 * vCard and iCalendar the project did not write, and a stricter splitter of lines than
 * ical.js: it ends a line at CR alone too. `VOBJECT_PYTHON` names another python3.
 */
export const VOBJECT_PYTHON = process.env.VOBJECT_PYTHON ?? '/usr/bin/python3';

/** Each property of a component as vobject reads it: lower-case name, and its value (a list for N and ORG). */
export type Properties = readonly (readonly [string, unknown])[];

const SCRIPT = `
import json, sys, vobject
out = []
for text in json.load(sys.stdin):
    try:
        component = vobject.readOne(text)
        props = []
        for child in component.getChildren():
            value = child.value
            if child.name == 'N':
                value = [value.family, value.given, value.additional, value.prefix, value.suffix]
            elif not isinstance(value, (str, list)):
                value = str(value)
            props.append([child.name.lower(), value])
        out.append({"name": component.name.lower(), "properties": props})
    except Exception as error:
        out.append({"error": type(error).__name__ + ": " + str(error)})
json.dump(out, sys.stdout)
`;

export type Reading = { readonly name: string; readonly properties: Properties } | { readonly error: string };

/** Reads every text in one python process. */
export function readWithVobject(texts: readonly string[]): Reading[] {
  const result = spawnSync(VOBJECT_PYTHON, ['-c', SCRIPT], {
    input: JSON.stringify(texts),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`vobject: ${result.error?.message ?? result.stderr}`);
  return JSON.parse(result.stdout) as Reading[];
}
