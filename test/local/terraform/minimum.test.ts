import t from 'tap';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terraformMinimum } from '../../../local/terraform/minimum.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const moduleWith = (mainTf: string | undefined): string => {
  const dir = mkdtempSync(join(tmpdir(), 'qr-minimum-'));
  if (mainTf !== undefined) writeFileSync(join(dir, 'main.tf'), mainTf);
  return dir;
};

t.test("the minimum is main.tf's required_version", async (t) => {
  t.equal(terraformMinimum(moduleWith('terraform {\n  required_version = ">= 1.12"\n}\n')), '1.12');
  t.equal(terraformMinimum(moduleWith('terraform {\n  required_version = ">=1.9.8"\n}\n')), '1.9.8');
  t.match(terraformMinimum(root), /^\d+\.\d+/, "the project's own main.tf states one");
});

t.test('a module that states none has none', async (t) => {
  t.equal(terraformMinimum(moduleWith(undefined)), undefined, 'no main.tf');
  t.equal(terraformMinimum(moduleWith('terraform {\n  required_version = "~> 1.11"\n}\n')), undefined, 'not a floor');
  t.equal(terraformMinimum(moduleWith('# required_version = ">= 1.5"\nterraform {}\n')), undefined, 'a comment');
});
