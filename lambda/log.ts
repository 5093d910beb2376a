/**
 * One JSON object per line on stdout, the shape CloudWatch Logs Insights queries
 * field by field. Fields are numbers, ids and short names: never request data.
 */
export type LogFields = Readonly<Record<string, string | number | undefined>>;

export function log(level: 'INFO' | 'ERROR', message: string, fields: LogFields): void {
  process.stdout.write(`${JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...fields })}\n`);
}
