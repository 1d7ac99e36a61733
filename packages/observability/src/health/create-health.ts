import { messages } from '../messages.js';
import { versionInfo } from '../version/version-info.js';
import { runCheck, type CheckResult, type HealthCheck } from './run-check.js';

export interface HealthOptions {
  /** Shown in the summary when given: `broker`, `updaters`… */
  component?: string;
  version: string;
  commit: string;
  checks: readonly HealthCheck[];
  /** How long a readiness result is reused; default 1000 ms, so probe storms spare the database. */
  cacheMs?: number;
  /** Monotonic clock in ms; tests pass a fake one. Default `performance.now`. */
  now?: () => number;
  startedAt?: Date;
}

export interface ReadinessReport {
  status: 'ok' | 'fail';
  checks: Record<string, CheckResult>;
  /** Present once `markShuttingDown()` was called: load balancers should stop routing here. */
  shuttingDown?: true;
}

export interface HealthSummary extends ReadinessReport {
  component?: string;
  version: string;
  commit: string;
  uptimeSeconds: number;
}

export interface Health {
  liveness(): { status: 'ok' };
  readiness(): Promise<ReadinessReport>;
  summary(): Promise<HealthSummary>;
  markShuttingDown(): void;
}

/**
 * Liveness, readiness and the /health summary for one process.
 * @example
 * const health = createHealth({ version, commit, checks: [
 *   { name: 'database', critical: true, run: async ({ signal }) => ({ ok: await db.ping(signal) }) },
 * ] });
 * app.get('/health/ready', async (_req, reply) => { const r = await health.readiness(); reply.code(healthHttpStatus(r)).send(r); });
 */
export function createHealth(options: HealthOptions): Health {
  assertUniqueNames(options.checks);
  const now = options.now ?? (() => performance.now());
  const cacheMs = options.cacheMs ?? 1_000;
  const startedAt = options.startedAt ?? new Date();
  let isShuttingDown = false;
  let cached: { at: number; report: ReadinessReport } | undefined;
  let running: Promise<ReadinessReport> | undefined;

  const runAll = async (): Promise<ReadinessReport> => {
    const results = await Promise.all(options.checks.map((check) => runCheck(check, now)));
    const checks: Record<string, CheckResult> = {};
    options.checks.forEach((check, index) => {
      const result = results[index];
      if (result) checks[check.name] = result;
    });
    const isFailing = results.some((result) => result.critical && !result.ok);
    return { status: isFailing ? 'fail' : 'ok', checks };
  };

  const readiness = async (): Promise<ReadinessReport> => {
    if (isShuttingDown) return shuttingDownReport();
    if (cached && now() - cached.at < cacheMs) return cached.report;
    // Probes arriving while checks run share that run instead of starting their own.
    running ??= runAll()
      .then((report) => {
        cached = { at: now(), report };
        return report;
      })
      .finally(() => {
        running = undefined;
      });
    const report = await running;
    return isShuttingDown ? shuttingDownReport() : report;
  };

  return {
    // No I/O, ever: a slow database must not get a healthy process restarted.
    liveness: () => ({ status: 'ok' }),
    readiness,
    summary: async () => {
      const report = await readiness();
      const { uptimeSeconds } = versionInfo({
        component: options.component ?? '',
        version: options.version,
        commit: options.commit,
        startedAt,
      });
      const { status, ...rest } = report;
      return {
        status,
        ...(options.component !== undefined && { component: options.component }),
        version: options.version,
        commit: options.commit,
        uptimeSeconds,
        ...rest,
      };
    },
    markShuttingDown: () => {
      isShuttingDown = true;
    },
  };
}

/**
 * The HTTP status for a readiness report or summary: 200 when ok, 503 otherwise.
 * @example reply.code(healthHttpStatus(await health.summary()))
 */
export function healthHttpStatus(report: Pick<ReadinessReport, 'status'>): 200 | 503 {
  return report.status === 'ok' ? 200 : 503;
}

function assertUniqueNames(checks: readonly HealthCheck[]): void {
  const names = checks.map((check) => check.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw new TypeError(messages.duplicateCheck(duplicate));
}

function shuttingDownReport(): ReadinessReport {
  return {
    status: 'fail',
    checks: {
      shutdown: { ok: false, critical: true, durationMs: 0, detail: messages.shuttingDown() },
    },
    shuttingDown: true,
  };
}
