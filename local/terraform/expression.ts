/**
 * Evaluates the Terraform expressions that `@cdktf/hcl2json` leaves as `${…}` strings:
 * literals, templates, references, operators, conditionals, `for` expressions and the
 * functions this project's .tf files use. Enough to resolve variables' defaults, check
 * validations and read the function's configuration; anything else is refused loudly.
 * References to resources (known only after apply) evaluate to UNKNOWN.
 */

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | typeof UNKNOWN;

/** A value Terraform would only know after apply, e.g. a resource's ARN. */
export const UNKNOWN: unique symbol = Symbol('unknown');

export interface Scope {
  /** Resolves the first name of a reference (`var`, `local`, `each`, a for-expression variable …). */
  lookup(name: string): Value | undefined;
}

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
}

/** Evaluates a string from hcl2json: a plain string, a template, or a lone `${expr}`. */
export function evaluateTemplate(text: string, scope: Scope): Value {
  const lone = /^\$\{([\s\S]*)\}$/.exec(text);
  if (lone && matchingBrace(text, 1) === text.length - 1) return evaluate(lone[1]!, scope);
  return evaluate(`"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`, scope);
}

/** Evaluates a value from hcl2json output: strings are templates, lists and maps element-wise. */
export function evaluateValue(value: unknown, scope: Scope): Value {
  if (typeof value === 'string') return evaluateTemplate(value, scope);
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, scope));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateValue(v, scope)]));
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  throw new ExpressionError(`cannot evaluate ${typeof value}`);
}

export function evaluate(source: string, scope: Scope): Value {
  const parser = new Parser(tokenize(source));
  const node = parser.expression();
  parser.expectEnd();
  return evaluateNode(node, scope);
}

// --- Tokens ------------------------------------------------------------------

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; parts: (string | Token[])[] }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string };

const OPERATORS = ['=>', '==', '!=', '<=', '>=', '&&', '||', '...', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':', '(', ')', '[', ']', '{', '}', ',', '.', '='];

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      else if (c === '$' && text[i + 1] === '{') {
        const end = matchingBrace(text, i + 1);
        i = end;
      }
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new ExpressionError(`unbalanced braces in ${text}`);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#' || (c === '/' && source[i + 1] === '/')) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (/[0-9]/.test(c)) {
      const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'name', value: match[0] });
      i += match[0].length;
    } else if (c === '"') {
      const parts: (string | Token[])[] = [];
      let literal = '';
      i++;
      while (source[i] !== '"') {
        if (i >= source.length) throw new ExpressionError('unterminated string');
        if (source[i] === '\\') {
          const next = source[i + 1];
          const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
          if (next === undefined || !(next in escapes)) throw new ExpressionError(`unsupported escape \\${next}`);
          literal += escapes[next];
          i += 2;
        } else if (source[i] === '$' && source[i + 1] === '{') {
          const end = matchingBrace(source, i + 1);
          if (literal) parts.push(literal);
          literal = '';
          parts.push(tokenize(source.slice(i + 2, end)));
          i = end + 1;
        } else if (source[i] === '$' && source[i + 1] === '$' && source[i + 2] === '{') {
          literal += '${';
          i += 3;
        } else {
          literal += source[i];
          i++;
        }
      }
      if (literal || parts.length === 0) parts.push(literal);
      tokens.push({ kind: 'string', parts });
      i++;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw new ExpressionError(`unexpected character ${JSON.stringify(c)} in ${source}`);
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  return tokens;
}

// --- Syntax ------------------------------------------------------------------

type Node =
  | { type: 'literal'; value: Value }
  | { type: 'template'; parts: (string | Node)[] }
  | { type: 'name'; name: string }
  | { type: 'attribute'; target: Node; name: string }
  | { type: 'index'; target: Node; index: Node }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'unary'; op: string; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node }
  | { type: 'conditional'; test: Node; then: Node; otherwise: Node }
  | { type: 'tuple'; items: Node[] }
  | { type: 'object'; entries: [Node, Node][] }
  | { type: 'for'; keyVar?: string; valueVar: string; collection: Node; key?: Node; value: Node; filter?: Node };

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  expectEnd(): void {
    if (this.position < this.tokens.length) throw new ExpressionError(`unexpected ${JSON.stringify(this.peek())}`);
  }

  expression(): Node {
    const test = this.binary(1);
    if (!this.acceptOp('?')) return test;
    const then = this.expression();
    this.expectOp(':');
    return { type: 'conditional', test, then, otherwise: this.expression() };
  }

  private binary(minPrecedence: number): Node {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      const precedence = token?.kind === 'op' ? PRECEDENCE[token.value] : undefined;
      if (token?.kind !== 'op' || precedence === undefined || precedence < minPrecedence) return left;
      this.position++;
      left = { type: 'binary', op: token.value, left, right: this.binary(precedence + 1) };
    }
  }

  private unary(): Node {
    if (this.acceptOp('!')) return { type: 'unary', op: '!', operand: this.unary() };
    if (this.acceptOp('-')) return { type: 'unary', op: '-', operand: this.unary() };
    return this.postfix(this.primary());
  }

  private postfix(node: Node): Node {
    for (;;) {
      if (this.acceptOp('.')) {
        const token = this.next();
        if (token.kind === 'name') node = { type: 'attribute', target: node, name: token.value };
        else if (token.kind === 'number') node = { type: 'index', target: node, index: { type: 'literal', value: token.value } };
        else throw new ExpressionError('expected an attribute name after "."');
      } else if (this.acceptOp('[')) {
        node = { type: 'index', target: node, index: this.expression() };
        this.expectOp(']');
      } else {
        return node;
      }
    }
  }

  private primary(): Node {
    const token = this.next();
    if (token.kind === 'number') return { type: 'literal', value: token.value };
    if (token.kind === 'string') {
      return {
        type: 'template',
        parts: token.parts.map((part) => {
          if (typeof part === 'string') return part;
          const inner = new Parser(part);
          const node = inner.expression();
          inner.expectEnd();
          return node;
        }),
      };
    }
    if (token.kind === 'name') {
      if (token.value === 'true' || token.value === 'false') return { type: 'literal', value: token.value === 'true' };
      if (token.value === 'null') return { type: 'literal', value: null };
      if (this.acceptOp('(')) return { type: 'call', name: token.value, args: this.listUntil(')') };
      return { type: 'name', name: token.value };
    }
    if (token.value === '(') {
      const inner = this.expression();
      this.expectOp(')');
      return inner;
    }
    if (token.value === '[') return this.tupleOrFor();
    if (token.value === '{') return this.objectOrFor();
    throw new ExpressionError(`unexpected ${JSON.stringify(token.value)}`);
  }

  private tupleOrFor(): Node {
    if (this.peekName('for')) {
      const node = this.forHead(false);
      this.expectOp(']');
      return node;
    }
    return { type: 'tuple', items: this.listUntil(']') };
  }

  /** Comma-separated expressions up to `close` (a trailing comma allowed). */
  private listUntil(close: string): Node[] {
    const items: Node[] = [];
    while (!this.acceptOp(close)) {
      items.push(this.expression());
      if (!this.acceptOp(',')) {
        this.expectOp(close);
        break;
      }
    }
    return items;
  }

  private objectOrFor(): Node {
    if (this.peekName('for')) {
      const node = this.forHead(true);
      this.expectOp('}');
      return node;
    }
    const entries: [Node, Node][] = [];
    while (!this.acceptOp('}')) {
      const keyToken = this.peek();
      const key: Node =
        keyToken?.kind === 'name' ? (this.position++, { type: 'literal', value: keyToken.value }) : this.expression();
      if (!this.acceptOp('=')) this.expectOp(':');
      entries.push([key, this.expression()]);
      this.acceptOp(',');
    }
    return { type: 'object', entries };
  }

  private forHead(isObject: boolean): Node {
    this.position++; // for
    const first = this.expectName();
    const second = this.acceptOp(',') ? this.expectName() : undefined;
    if (!this.peekName('in')) throw new ExpressionError('expected "in"');
    this.position++;
    const collection = this.expression();
    this.expectOp(':');
    let key: Node | undefined;
    let value = this.expression();
    if (isObject) {
      this.expectOp('=>');
      key = value;
      value = this.expression();
    }
    let filter: Node | undefined;
    if (this.peekName('if')) {
      this.position++;
      filter = this.expression();
    }
    return {
      type: 'for',
      ...(second === undefined ? { valueVar: first } : { keyVar: first, valueVar: second }),
      collection,
      ...(key ? { key } : {}),
      value,
      ...(filter ? { filter } : {}),
    };
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private peekName(name: string): boolean {
    const token = this.peek();
    return token?.kind === 'name' && token.value === name;
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new ExpressionError('unexpected end of expression');
    return token;
  }

  private expectName(): string {
    const token = this.next();
    if (token.kind !== 'name') throw new ExpressionError('expected a name');
    return token.value;
  }

  private acceptOp(op: string): boolean {
    const token = this.peek();
    if (token?.kind === 'op' && token.value === op) {
      this.position++;
      return true;
    }
    return false;
  }

  private expectOp(op: string): void {
    if (!this.acceptOp(op)) throw new ExpressionError(`expected "${op}", found ${JSON.stringify(this.peek() ?? 'end')}`);
  }
}

// --- Evaluation --------------------------------------------------------------

function evaluateNode(node: Node, scope: Scope): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'template': {
      if (node.parts.length === 1 && typeof node.parts[0] !== 'string') return evaluateNode(node.parts[0]!, scope);
      let text = '';
      for (const part of node.parts) {
        const value = typeof part === 'string' ? part : evaluateNode(part, scope);
        if (value === UNKNOWN) return UNKNOWN;
        text += typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : fail(`cannot interpolate ${describe(value)}`);
      }
      return text;
    }
    case 'name': {
      const value = scope.lookup(node.name);
      // A resource type (aws_lambda_function.x) or data source: known only after apply.
      return value === undefined ? UNKNOWN : value;
    }
    case 'attribute': {
      const target = evaluateNode(node.target, scope);
      if (target === UNKNOWN) return UNKNOWN;
      if (isMap(target) && Object.hasOwn(target, node.name)) return target[node.name]!;
      return fail(`no attribute "${node.name}"`);
    }
    case 'index': {
      const target = evaluateNode(node.target, scope);
      const index = evaluateNode(node.index, scope);
      if (target === UNKNOWN || index === UNKNOWN) return UNKNOWN;
      if (Array.isArray(target) && typeof index === 'number' && index in target) return target[index]!;
      if (isMap(target) && typeof index === 'string' && Object.hasOwn(target, index)) return target[index]!;
      return fail(`invalid index ${describe(index)}`);
    }
    case 'unary': {
      const operand = evaluateNode(node.operand, scope);
      if (operand === UNKNOWN) return UNKNOWN;
      return node.op === '!' ? !asBool(operand) : -asNumber(operand);
    }
    case 'binary':
      return binary(node.op, node.left, node.right, scope);
    case 'conditional': {
      const test = evaluateNode(node.test, scope);
      if (test === UNKNOWN) return UNKNOWN;
      return evaluateNode(asBool(test) ? node.then : node.otherwise, scope);
    }
    case 'tuple':
      return node.items.map((item) => evaluateNode(item, scope));
    case 'object': {
      const result: { [key: string]: Value } = {};
      for (const [keyNode, valueNode] of node.entries) result[asString(evaluateNode(keyNode, scope))] = evaluateNode(valueNode, scope);
      return result;
    }
    case 'for':
      return forExpression(node, scope);
    case 'call':
      return call(node.name, node.args, scope);
  }
}

function binary(op: string, leftNode: Node, rightNode: Node, scope: Scope): Value {
  const left = evaluateNode(leftNode, scope);
  if (op === '&&' && left === false) return false;
  if (op === '||' && left === true) return true;
  const right = evaluateNode(rightNode, scope);
  if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN;
  switch (op) {
    case '&&':
      return asBool(left) && asBool(right);
    case '||':
      return asBool(left) || asBool(right);
    case '==':
      return JSON.stringify(left) === JSON.stringify(right);
    case '!=':
      return JSON.stringify(left) !== JSON.stringify(right);
    case '<':
      return asNumber(left) < asNumber(right);
    case '<=':
      return asNumber(left) <= asNumber(right);
    case '>':
      return asNumber(left) > asNumber(right);
    case '>=':
      return asNumber(left) >= asNumber(right);
    case '+':
      return asNumber(left) + asNumber(right);
    case '-':
      return asNumber(left) - asNumber(right);
    case '*':
      return asNumber(left) * asNumber(right);
    case '/':
      return asNumber(left) / asNumber(right);
    default:
      return asNumber(left) % asNumber(right);
  }
}

function forExpression(node: Extract<Node, { type: 'for' }>, scope: Scope): Value {
  const collection = evaluateNode(node.collection, scope);
  if (collection === UNKNOWN) return UNKNOWN;
  const pairs: [Value, Value][] = Array.isArray(collection)
    ? collection.map((v, i) => [i, v])
    : isMap(collection)
      ? Object.entries(collection)
      : fail(`cannot iterate over ${describe(collection)}`);
  const results: Value[] = [];
  const objectResult: { [key: string]: Value } = {};
  for (const [key, value] of pairs) {
    const inner: Scope = {
      lookup: (name) =>
        name === node.valueVar ? value : node.keyVar !== undefined && name === node.keyVar ? key : scope.lookup(name),
    };
    if (node.filter && !asBool(evaluateNode(node.filter, inner))) continue;
    if (node.key) objectResult[asString(evaluateNode(node.key, inner))] = evaluateNode(node.value, inner);
    else results.push(evaluateNode(node.value, inner));
  }
  return node.key ? objectResult : results;
}

function call(name: string, args: Node[], scope: Scope): Value {
  // can() and try() evaluate their arguments themselves, catching failures.
  if (name === 'can') {
    try {
      return evaluateNode(one(args), scope) === UNKNOWN ? UNKNOWN : true;
    } catch (error) {
      if (error instanceof ExpressionError) return false;
      throw error;
    }
  }
  if (name === 'try') {
    for (const arg of args) {
      try {
        return evaluateNode(arg, scope);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
      }
    }
    return fail('no argument of try() succeeded');
  }
  const values = args.map((arg) => evaluateNode(arg, scope));
  if (values.includes(UNKNOWN)) return UNKNOWN;
  const fn = FUNCTIONS[name];
  if (!fn) return fail(`function ${name}() is not supported here`);
  return fn(...values);
}

const FUNCTIONS: Record<string, (...args: Value[]) => Value> = {
  contains: (list, value) => asList(list).some((item) => JSON.stringify(item) === JSON.stringify(value)),
  length: (value) => (typeof value === 'string' ? [...value].length : isMap(value) ? Object.keys(value).length : asList(value).length),
  alltrue: (list) => asList(list).every(asBool),
  anytrue: (list) => asList(list).some(asBool),
  keys: (map) => Object.keys(asMap(map)).sort(),
  values: (map) => Object.entries(asMap(map)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v),
  floor: (n) => Math.floor(asNumber(n)),
  ceil: (n) => Math.ceil(asNumber(n)),
  abs: (n) => Math.abs(asNumber(n)),
  min: (...ns) => Math.min(...ns.map(asNumber)),
  max: (...ns) => Math.max(...ns.map(asNumber)),
  lower: (s) => asString(s).toLowerCase(),
  upper: (s) => asString(s).toUpperCase(),
  startswith: (s, prefix) => asString(s).startsWith(asString(prefix)),
  endswith: (s, suffix) => asString(s).endsWith(asString(suffix)),
  tostring: (v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : asString(v)),
  tonumber: (v) => (typeof v === 'number' ? v : Number.isFinite(Number(asString(v))) ? Number(v) : fail(`cannot convert ${describe(v)} to a number`)),
  toset: (list) => [...new Map<string, Value>(asList(list).map((v) => [JSON.stringify(v), v])).values()],
  tolist: (list) => asList(list),
  concat: (...lists) => lists.flatMap(asList),
  jsonencode: (value) => JSON.stringify(value),
  regex: (pattern, text) => {
    const match = new RegExp(asString(pattern)).exec(asString(text));
    return match ? match[0] : fail(`pattern ${asString(pattern)} does not match ${JSON.stringify(text)}`);
  },
};

const isMap = (value: Value): value is { [key: string]: Value } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(message: string): never {
  throw new ExpressionError(message);
}

function one(args: Node[]): Node {
  if (args.length !== 1) fail('expected one argument');
  return args[0]!;
}

const describe = (value: Value): string => (value === UNKNOWN ? '(known after apply)' : JSON.stringify(value));
const asBool = (value: Value): boolean => (typeof value === 'boolean' ? value : fail(`expected a bool, got ${describe(value)}`));
const asNumber = (value: Value): number => (typeof value === 'number' ? value : fail(`expected a number, got ${describe(value)}`));
const asString = (value: Value): string => (typeof value === 'string' ? value : fail(`expected a string, got ${describe(value)}`));
const asList = (value: Value): Value[] => (Array.isArray(value) ? value : fail(`expected a list, got ${describe(value)}`));
const asMap = (value: Value): { [key: string]: Value } => (isMap(value) ? value : fail(`expected a map, got ${describe(value)}`));
