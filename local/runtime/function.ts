/** One function as Lambda would run it: everything here comes from the .tf files. */
export interface FunctionDefinition {
  readonly name: string;
  readonly region: string;
  readonly handler: string;
  readonly runtime: string;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
  readonly environment: Readonly<Record<string, string>>;
  /** The function's code: the .zip Terraform uploads, or a folder (the test fixtures). */
  readonly code: string;
  /**
   * This machine's builds of the packages the code carries for Lambda's platform (native
   * code, `make host-deps`): linked into the task root in place of the code's own
   * node_modules, so the local stack runs the host's binaries. Absent: the code as it is.
   */
  readonly hostModules?: string | undefined;
  readonly logGroupName: string;
  readonly logFormat: 'JSON' | 'Text';
  readonly applicationLogLevel: string | undefined;
  readonly systemLogLevel: string | undefined;
  /** null: unreserved (the account's pool). */
  readonly reservedConcurrency: number | null;
  /**
   * The aliases the configuration defines (aws_lambda_alias), each with the version it points at.
   * A Map: a qualifier is a client's text, and `constructor` or `__proto__` must name nothing.
   */
  readonly aliases?: ReadonlyMap<string, string> | undefined;
}

/** Lambda's limit on a synchronous invocation's request and response payloads, 6 MB. */
export const MAX_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;

/** The account id in every ARN the local stack makes up. */
export const LOCAL_ACCOUNT_ID = '000000000000';

export const functionArn = (fn: Pick<FunctionDefinition, 'name' | 'region'>): string =>
  `arn:aws:lambda:${fn.region}:${LOCAL_ACCOUNT_ID}:function:${fn.name}`;
