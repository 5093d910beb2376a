/**
 * The `FunctionName` path parameter of Invoke, read as Lambda reads it: a name, a partial
 * ARN (`123456789012:function:name`) or an ARN, each with an optional `:qualifier`. The
 * pattern and lengths are those of the API reference
 * (https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html).
 */
export const FUNCTION_NAME_PATTERN =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;
const PATTERN_TEXT = String.raw`(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?`;
/** The longest identifier Invoke takes; a bare name is at most 64 characters. */
const MAX_IDENTIFIER = 170;
const MAX_NAME = 64;

export interface FunctionIdentifier {
  readonly name: string;
  readonly region: string | undefined;
  readonly account: string | undefined;
  readonly qualifier: string | undefined;
}

/** The parts of an identifier, or the ValidationException message that refuses it. */
export function parseFunctionIdentifier(
  raw: string,
): { ok: true; id: FunctionIdentifier } | { ok: false; message: string } {
  let identifier: string;
  try {
    identifier = decodeURIComponent(raw);
  } catch {
    return {
      ok: false,
      message: `1 validation error detected: Value '${raw}' at 'functionName' failed to satisfy constraint: Member must be a percent-encoded UTF-8 string`,
    };
  }
  const constraint = (what: string): { ok: false; message: string } => ({
    ok: false,
    message: `1 validation error detected: Value '${identifier}' at 'functionName' failed to satisfy constraint: ${what}`,
  });
  if (identifier.length < 1 || identifier.length > MAX_IDENTIFIER)
    return constraint(`Member must have length between 1 and ${MAX_IDENTIFIER}`);
  const match = FUNCTION_NAME_PATTERN.exec(identifier);
  if (!match) return constraint(`Member must satisfy regular expression pattern: ${PATTERN_TEXT}`);
  const name = match[10]!;
  if (name.length > MAX_NAME)
    return constraint(`Member must have length less than or equal to ${MAX_NAME} (the name part)`);
  return {
    ok: true,
    id: { name, region: match[3]?.slice(0, -1), account: match[8]?.slice(0, -1), qualifier: match[12] },
  };
}
