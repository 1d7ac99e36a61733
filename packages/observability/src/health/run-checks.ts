import { runCheck, type CheckResult, type HealthCheck } from './run-check.js';

export interface ChecksReport {
  status: 'ok' | 'fail';
  checks: Record<string, CheckResult>;
}

/**
 * Runs every check at once; the report fails when a critical check fails.
 * @example await runChecks([databaseCheck, mqttCheck], () => performance.now())
 */
export async function runChecks(
  checks: readonly HealthCheck[],
  now: () => number,
): Promise<ChecksReport> {
  const results = await Promise.all(checks.map((check) => runCheck(check, now)));
  const report: ChecksReport = { status: 'ok', checks: {} };
  checks.forEach((check, index) => {
    const result = results[index];
    if (!result) return;
    report.checks[check.name] = result;
    if (result.critical && !result.ok) report.status = 'fail';
  });
  return report;
}

/**
 * Wraps `run` so that a result is reused for `cacheMs`, and callers arriving while a run is in
 * progress share it: a storm of probes costs one round of checks per interval.
 * @example const readiness = cacheFor(1_000, performance.now, () => runChecks(checks, performance.now));
 */
export function cacheFor<T>(
  cacheMs: number,
  now: () => number,
  run: () => Promise<T>,
): () => Promise<T> {
  let cached: { at: number; value: T } | undefined;
  let running: Promise<T> | undefined;
  return () => {
    if (cached && now() - cached.at < cacheMs) return Promise.resolve(cached.value);
    running ??= run()
      .then((value) => {
        cached = { at: now(), value };
        return value;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
}
