// The policy JSON `data "aws_iam_policy_document"` renders, as the AWS provider writes it:
// single values as strings, several as sorted arrays, keys in IAM's usual order, empty
// elements left out; `json` indented by two spaces, `minified_json` without spaces.
import { isObject, type ObjectValue, type Value } from './cty.js';
import { DiagnosticError, stringOf } from './definition.js';

type Json = string | string[] | { [key: string]: Json };

const list = (value: Value | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const blocks = (value: Value | undefined): ObjectValue[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** One value as a string, several as a sorted array: how IAM policy documents are written. */
const oneOrMany = (values: string[]): string | string[] => {
  const unique = [...new Set(values)].sort();
  return unique.length === 1 ? unique[0]! : unique;
};

function principals(value: Value | undefined): Json | undefined {
  const given = blocks(value);
  if (given.length === 0) return undefined;
  if (given.length === 1 && given[0]!.type === '*' && list(given[0]!.identifiers).join() === '*') return '*';
  // Maps: a type, test or variable is the configuration's text, `constructor` as much as `AWS`.
  const byType = new Map<string, string[]>();
  for (const principal of given) {
    const type = String(principal.type);
    byType.set(type, [...(byType.get(type) ?? []), ...list(principal.identifiers)]);
  }
  return Object.fromEntries([...byType.keys()].sort().map((type) => [type, oneOrMany(byType.get(type)!)]));
}

function conditions(value: Value | undefined): Json | undefined {
  const given = blocks(value);
  if (given.length === 0) return undefined;
  const byTest = new Map<string, Map<string, string[]>>();
  for (const condition of given) {
    const test = String(condition.test);
    const variable = String(condition.variable);
    const variables = byTest.get(test) ?? new Map<string, string[]>();
    byTest.set(test, variables);
    variables.set(variable, [...(variables.get(variable) ?? []), ...list(condition.values)]);
  }
  return Object.fromEntries(
    [...byTest.keys()].sort().map((test) => {
      const variables = byTest.get(test)!;
      return [test, Object.fromEntries([...variables.keys()].sort().map((v) => [v, oneOrMany(variables.get(v)!)]))];
    }),
  );
}

function statementJson(statement: ObjectValue): Record<string, Json> {
  const effect = stringOf(statement.effect) ?? 'Allow';
  if (effect !== 'Allow' && effect !== 'Deny')
    throw new DiagnosticError('Invalid policy statement', `effect must be "Allow" or "Deny", not "${effect}"`);
  const entries: [string, Json | undefined][] = [
    ['Sid', stringOf(statement.sid) || undefined],
    ['Effect', effect],
    ['Action', list(statement.actions).length ? oneOrMany(list(statement.actions)) : undefined],
    ['NotAction', list(statement.not_actions).length ? oneOrMany(list(statement.not_actions)) : undefined],
    ['Resource', list(statement.resources).length ? oneOrMany(list(statement.resources)) : undefined],
    ['NotResource', list(statement.not_resources).length ? oneOrMany(list(statement.not_resources)) : undefined],
    ['Principal', principals(statement.principals)],
    ['NotPrincipal', principals(statement.not_principals)],
    ['Condition', conditions(statement.condition)],
  ];
  return Object.fromEntries(entries.filter((entry): entry is [string, Json] => entry[1] !== undefined));
}

type Statement = Record<string, Json>;

const parsedStatements = (json: string, what: string): Statement[] => {
  try {
    const document = JSON.parse(json) as { Statement?: Statement | Statement[] };
    return Array.isArray(document.Statement) ? document.Statement : document.Statement ? [document.Statement] : [];
  } catch {
    throw new DiagnosticError('Invalid policy document', `${what} is not JSON`);
  }
};

/** Statements of later documents replace earlier ones with the same Sid; the rest are appended. */
function merge(into: Statement[], statements: Statement[]): Statement[] {
  const result = [...into];
  for (const statement of statements) {
    const at =
      typeof statement.Sid === 'string' && statement.Sid ? result.findIndex((s) => s.Sid === statement.Sid) : -1;
    if (at >= 0) result[at] = statement;
    else result.push(statement);
  }
  return result;
}

export function renderPolicyDocument(config: ObjectValue): { json: string; minified_json: string } {
  let statements: Statement[] = [];
  for (const source of list(config.source_policy_documents))
    statements = merge(statements, parsedStatements(source, 'a source_policy_documents entry'));
  if (stringOf(config.source_json))
    statements = merge(statements, parsedStatements(stringOf(config.source_json)!, 'source_json'));
  statements = merge(statements, blocks(config.statement).map(statementJson));
  if (stringOf(config.override_json))
    statements = merge(statements, parsedStatements(stringOf(config.override_json)!, 'override_json'));
  for (const override of list(config.override_policy_documents))
    statements = merge(statements, parsedStatements(override, 'an override_policy_documents entry'));

  const document: Record<string, unknown> = { Version: stringOf(config.version) ?? '2012-10-17' };
  if (stringOf(config.policy_id)) document.Id = stringOf(config.policy_id);
  document.Statement = statements;
  return { json: JSON.stringify(document, null, 2), minified_json: JSON.stringify(document) };
}
