// `make validate` is Terraform reading the .tf files against the providers' schema: a
// copy of the project broken in each way a hand edit breaks it fails, with Terraform's
// own message. (The unbroken project passes it: test/infra/terraform-test.test.ts.)
import t from 'tap';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyOfModule } from '../helpers/clone.js';
import { run } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Breakage {
  readonly file: 'main.tf' | 'edge.tf' | 'variables.tf';
  readonly from: string;
  readonly to: string;
  /** Terraform's message, whitespace folded. */
  readonly message: RegExp;
}

const breakages: Record<string, Breakage> = {
  'a misspelled argument': {
    file: 'main.tf',
    from: 'memory_size      = var.memory_size',
    to: 'memory_sise      = var.memory_size',
    message: /An argument named "memory_sise" is not expected here\. Did you mean "memory_size"\?/,
  },
  'a missing required argument': {
    file: 'main.tf',
    from: '  role             = aws_iam_role.function.arn\n',
    to: '',
    message: /The argument "role" is required, but no definition was found\./,
  },
  'a block written as an argument': {
    file: 'main.tf',
    from: '  logging_config {',
    to: '  logging_config = {',
    message:
      /An argument named "logging_config" is not expected here\. Did you mean to define a block of type "logging_config"\?/,
  },
  'an undeclared reference': {
    file: 'main.tf',
    from: 'timeout          = var.timeout',
    to: 'timeout          = var.time_out',
    message: /Reference to undeclared input variable.*"time_out"/,
  },
  'a word for a number': {
    file: 'main.tf',
    from: 'timeout_milliseconds   = 30000',
    to: 'timeout_milliseconds   = "thirty seconds"',
    message: /Incorrect attribute value type.*a number is required/,
  },
  // The WAF rule's statement, as the provider declares it (internal/service/wafv2/schemas.go,
  // webACLRootStatementSchema: Required, MaxItems 1; rateBasedStatementSchema: limit Required),
  // served by the stand-in's hand-derived part of the schema.
  'a WAF rule without its statement': {
    file: 'edge.tf',
    from: '    statement {\n      rate_based_statement {\n        limit                 = var.waf_rate_limit\n        evaluation_window_sec = 300\n        aggregate_key_type    = "IP"\n      }\n    }\n',
    to: '',
    message: /At least 1 "statement" blocks? (are|is) required/,
  },
  'two statements in one WAF rule': {
    file: 'edge.tf',
    from: '    statement {\n      rate_based_statement {',
    to: '    statement {\n      rate_based_statement {\n        limit = 10\n      }\n    }\n    statement {\n      rate_based_statement {',
    message: /No more than 1 "statement" blocks? (are|is) allowed/,
  },
  'a misspelled rate-based argument': {
    file: 'edge.tf',
    from: 'limit                 = var.waf_rate_limit',
    to: 'limt                  = var.waf_rate_limit',
    message: /An argument named "limt" is not expected here/,
  },
  'a default that breaks its own validation': {
    file: 'variables.tf',
    from: 'default     = 10\n',
    to: 'default     = 45\n',
    message: /Invalid value for variable.*timeout must be a whole number of seconds from 1 to 30\./,
  },
};

/** Terraform's output as a reader sees it: no colours, no box drawing, lines joined. */
const plain = (output: string): string =>
  output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replace(/[│╷╵├─]/g, ' ')
    .replace(/\s+/g, ' ');

for (const [name, breakage] of Object.entries(breakages)) {
  t.test(`${name} fails make validate with Terraform's message`, async (t) => {
    const dir = await copyOfModule({ tests: true });
    const original = await readFile(join(dir, breakage.file), 'utf8');
    t.ok(original.includes(breakage.from), `${breakage.file} has the text this breaks`);
    await writeFile(join(dir, breakage.file), original.replace(breakage.from, breakage.to));
    // One small test file is enough for a breakage that only `terraform test` meets.
    const { code, stdout, stderr } = await run(join(root, 'scripts/terraform-validate.sh'), [dir], root, {
      ...process.env,
      TF_TEST_FILTER: 'test/terraform/preconditions.tftest.hcl',
    });
    t.not(code, 0, 'make validate fails');
    t.match(plain(stdout + stderr), breakage.message);
  });
}
