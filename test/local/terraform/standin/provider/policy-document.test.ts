import t from 'tap';
import { renderPolicyDocument } from '../../../../../local/terraform/standin/provider/policy-document.js';

const statement = (fields: Record<string, unknown>) => ({
  sid: null,
  effect: null,
  actions: null,
  not_actions: null,
  resources: null,
  not_resources: null,
  principals: [],
  not_principals: [],
  condition: [],
  ...fields,
});

t.test('one value as a string, several as a sorted array, keys in IAM order', async (t) => {
  const { json, minified_json } = renderPolicyDocument({
    statement: [
      statement({
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
      }),
      statement({
        sid: 'Logs',
        actions: ['logs:PutLogEvents', 'logs:CreateLogStream'],
        resources: ['arn:aws:logs:us-east-1:000000000000:log-group:x:*'],
      }),
    ],
  });
  t.equal(
    minified_json,
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"lambda.amazonaws.com"}},' +
      '{"Sid":"Logs","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-east-1:000000000000:log-group:x:*"}]}',
  );
  t.equal(json, JSON.stringify(JSON.parse(minified_json), null, 2), 'json is the same document, indented');
});

t.test('conditions, the anonymous principal, and overrides by Sid', async (t) => {
  const base = renderPolicyDocument({
    statement: [
      statement({
        sid: 'A',
        effect: 'Deny',
        actions: ['s3:*'],
        principals: [{ type: '*', identifiers: ['*'] }],
        condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
      }),
    ],
  }).json;
  t.same(JSON.parse(base).Statement[0], {
    Sid: 'A',
    Effect: 'Deny',
    Action: 's3:*',
    Principal: '*',
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  });
  const merged = JSON.parse(
    renderPolicyDocument({
      source_policy_documents: [base],
      statement: [statement({ sid: 'A', actions: ['s3:GetObject'] }), statement({ actions: ['s3:ListBucket'] })],
    }).json,
  );
  t.same(
    merged.Statement.map((s: { Sid?: string; Action: string }) => [s.Sid, s.Action]),
    [
      ['A', 's3:GetObject'],
      [undefined, 's3:ListBucket'],
    ],
  );
});

t.test('an effect IAM does not know is refused', async (t) => {
  t.throws(
    () => renderPolicyDocument({ statement: [statement({ effect: 'Maybe' })] }),
    /effect must be "Allow" or "Deny"/,
  );
});

t.test('principal types, condition tests and variables named like Object.prototype members are names', async (t) => {
  const { minified_json } = renderPolicyDocument({
    statement: [
      statement({
        actions: ['s3:GetObject'],
        principals: [
          { type: 'constructor', identifiers: ['a'] },
          { type: '__proto__', identifiers: ['b'] },
          { type: 'constructor', identifiers: ['c'] },
        ],
        condition: [
          { test: 'toString', variable: 'hasOwnProperty', values: ['x'] },
          { test: '__proto__', variable: 'constructor', values: ['y'] },
        ],
      }),
    ],
  });
  const [only] = (JSON.parse(minified_json) as { Statement: Record<string, unknown>[] }).Statement;
  t.same(Object.entries(only!.Principal as object), [
    ['__proto__', 'b'],
    ['constructor', ['a', 'c']],
  ]);
  const condition = only!.Condition as Record<string, object>;
  t.same(Object.keys(condition), ['__proto__', 'toString']);
  t.same(Object.entries(Object.getOwnPropertyDescriptor(condition, '__proto__')!.value as object), [
    ['constructor', 'y'],
  ]);
  t.same(Object.entries(condition.toString!), [['hasOwnProperty', 'x']]);
});
