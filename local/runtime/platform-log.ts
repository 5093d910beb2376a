/** The lines Lambda itself writes around each invocation, in the function's log format. */
export interface ReportMetrics {
  readonly durationMs: number;
  readonly memorySizeMB: number;
  readonly maxMemoryUsedMB: number;
  /** Present on a cold start. */
  readonly initDurationMs?: number | undefined;
  readonly status: 'success' | 'error' | 'timeout';
}

const round2 = (ms: number): number => Math.round(ms * 100) / 100;

/** INIT_START (Text), or platform.initStart (JSON): a cold start begins, on this runtime version. */
export function initStartLine(format: 'JSON' | 'Text', runtimeVersion: string): string {
  return format === 'JSON'
    ? JSON.stringify({
        time: new Date().toISOString(),
        type: 'platform.initStart',
        record: { initializationType: 'on-demand', phase: 'init', runtimeVersion },
      })
    : `INIT_START Runtime Version: ${runtimeVersion}`;
}

export function startLine(format: 'JSON' | 'Text', requestId: string): string {
  return format === 'JSON'
    ? JSON.stringify({
        time: new Date().toISOString(),
        type: 'platform.start',
        record: { requestId, version: '$LATEST' },
      })
    : `START RequestId: ${requestId} Version: $LATEST`;
}

/** END and REPORT (Text), or platform.report (JSON). */
export function endLines(format: 'JSON' | 'Text', requestId: string, metrics: ReportMetrics): string[] {
  const billedDurationMs = Math.max(1, Math.ceil(metrics.durationMs));
  if (format === 'JSON') {
    const record = {
      requestId,
      metrics: {
        durationMs: round2(metrics.durationMs),
        billedDurationMs,
        memorySizeMB: metrics.memorySizeMB,
        maxMemoryUsedMB: metrics.maxMemoryUsedMB,
        ...(metrics.initDurationMs === undefined ? {} : { initDurationMs: round2(metrics.initDurationMs) }),
      },
      status: metrics.status,
    };
    return [JSON.stringify({ time: new Date().toISOString(), type: 'platform.report', record })];
  }
  const init = metrics.initDurationMs === undefined ? '' : `\tInit Duration: ${metrics.initDurationMs.toFixed(2)} ms`;
  const status = metrics.status === 'success' ? '' : `\tStatus: ${metrics.status}`;
  return [
    `END RequestId: ${requestId}`,
    `REPORT RequestId: ${requestId}\tDuration: ${metrics.durationMs.toFixed(2)} ms\tBilled Duration: ${billedDurationMs} ms\t` +
      `Memory Size: ${metrics.memorySizeMB} MB\tMax Memory Used: ${metrics.maxMemoryUsedMB} MB${init}${status}`,
  ];
}
