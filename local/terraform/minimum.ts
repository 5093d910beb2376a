// The Terraform release the project needs, as main.tf's `required_version` says it: read
// from there, by the local stack's messages, the preflight (scripts/preflight.sh) and the
// docs' test, so that no copy of the number can fall behind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `1.11` from `required_version = ">= 1.11"` in `<moduleDir>/main.tf`; undefined if it says no such thing. */
export function terraformMinimum(moduleDir: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(moduleDir, 'main.tf'), 'utf8');
  } catch {
    return undefined;
  }
  return /^ *required_version *= *">= *([0-9][0-9.]*)"/m.exec(text)?.[1];
}
