// Lambda's Errors metric counts only failures that reach the runtime ("Types of metrics for
// Lambda functions", AWS's Lambda developer guide). The handler catches every exception,
// answers 500 and writes one ERROR line, so a bug never shows there. With alarms on, the
// plan must count that line with a metric filter whose alarm fires on the first one.
// The filter's pattern is read from the plan and applied, by CloudWatch's rules for JSON
// filter patterns ("Filter pattern syntax for metric filters, subscription filters, and
// filter log events", CloudWatch Logs user guide), to the lines the real handler writes
// for a bug and for ordinary requests.
import t from 'tap';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handler } from '../../lambda/handler.js';
import { terraformEnv } from '../../local/terraform/standin/build.js';
import { copyOfModule } from '../helpers/clone.js';
import { httpApiEvent } from '../helpers/events.js';
import { runServed } from '../helpers/served-terraform.js';
import { captureStdout } from '../helpers/stdout.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const context = { awsRequestId: 'c0ffee00-0000-4000-8000-000000000000' };

/**
 * Whether a JSON filter pattern, `{ $.a = "x" && $.b != 3 || … }`, selects a log event. The
 * subset this project writes: property selectors, `=` and `!=` against a quoted string or a
 * number, joined by `&&` and `||` (`&&` binding first), no parentheses. Anything else throws,
 * so the pattern cannot grow past what this test understands.
 */
function jsonPatternMatches(pattern: string, event: string): boolean {
  const body = /^\s*\{(.*)\}\s*$/s.exec(pattern)?.[1];
  if (body === undefined) throw new Error(`not a JSON filter pattern: ${pattern}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(event);
  } catch {
    return false; // A JSON pattern selects only JSON events.
  }
  const valueAt = (selector: string): unknown =>
    selector
      .slice(2)
      .split('.')
      .reduce<unknown>(
        (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
        parsed,
      );
  const term = (text: string): boolean => {
    const match = /^\s*(\$(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*(=|!=)\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?))\s*$/.exec(
      text,
    );
    if (!match) throw new Error(`a term this test does not understand: ${text}`);
    const actual = valueAt(match[1]!);
    const equal = match[3] !== undefined ? actual === match[3] : actual === Number(match[4]);
    return match[2] === '=' ? equal : !equal && actual !== undefined;
  };
  return body.split('||').some((alternative) => alternative.split('&&').every(term));
}

t.test('a bug the handler answers 500 is counted by the planned filter, and sets off its alarm', async (t) => {
  const dir = await copyOfModule();
  const env = {
    ...terraformEnv(join(root, 'build/terraform-standin/dev.tfrc')),
    AWS_REGION: 'eu-west-1',
    TF_VAR_alarm_sns_topic_arn: 'arn:aws:sns:eu-west-1:000000000000:alerts',
  };
  const plan = await runServed('terraform', ['plan', '-input=false', '-no-color', '-out=tfplan'], dir, env);
  t.equal(plan.code, 0, `terraform plan${plan.code === 0 ? '' : `: ${plan.stderr.slice(-600)}`}`);
  const resources = (
    JSON.parse((await runServed('terraform', ['show', '-json', 'tfplan'], dir, env)).stdout) as {
      planned_values: { root_module: { resources: { address: string; values: Record<string, unknown> }[] } };
    }
  ).planned_values.root_module.resources;
  const values = (address: string): Record<string, unknown> =>
    resources.find((resource) => resource.address === address)?.values ?? {};
  const filter = values('aws_cloudwatch_log_metric_filter.unexpected_failures[0]');
  const alarm = values('aws_cloudwatch_metric_alarm.qr["unexpected-failures"]');
  const transformation = (filter.metric_transformation as Record<string, unknown>[] | undefined)?.[0] ?? {};

  t.equal(filter.log_group_name, '/aws/lambda/qr-code-generator', "on the function's log group");
  t.match(
    alarm,
    {
      namespace: transformation.namespace,
      metric_name: transformation.name,
      statistic: 'Sum',
      threshold: 1,
      evaluation_periods: 1,
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      alarm_actions: [env.TF_VAR_alarm_sns_topic_arn],
    },
    "the alarm reads the filter's metric and fires on one failure within one period",
  );
  t.equal(transformation.value, '1', 'each matching line counts one');

  // A bug: an event whose every property read throws, as lambda/handler.ts's own test uses.
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new TypeError('a bug');
      },
      has() {
        return true;
      },
    },
  );
  const bug = await captureStdout(() => handler(hostile, context));
  t.equal(bug.result.statusCode, 500, 'the handler answers the bug 500, so Lambda counts no error');
  const ordinary = await captureStdout(() => handler(httpApiEvent({ query: 'url=x' }), context));
  const refused = await captureStdout(() => handler(httpApiEvent({ query: 'url=' }), context));

  const pattern = String(filter.pattern);
  const matched = (lines: string[]): number => lines.filter((line) => jsonPatternMatches(pattern, line)).length;
  t.equal(matched(bug.lines), 1, "the bug's error-level log line, and only it, matches the filter's pattern");
  t.equal(matched(ordinary.lines), 0, 'an image answered 200 matches nothing');
  t.equal(matched(refused.lines), 0, 'a 4xx refusal matches nothing');
});
