import { messages } from '../messages.js';
import { uptimeSeconds } from '../version/version-info.js';
import type { CheckResult, HealthCheck } from './run-check.js';
import { cacheFor, runChecks } from './run-checks.js';

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
  /** `{ status: 'ok' }` without any I/O: a slow database must not get a process restarted. */
  liveness(): { status: 'ok' };
  /** Runs the checks (cached briefly); fails when a critical one fails or shutdown started. */
  readiness(): Promise<ReadinessReport>;
  /** Readiness with version, commit and uptime, for `GET /health`. */
  summary(): Promise<HealthSummary>;
  markShuttingDown(): void;
}

/**
 * Liveness, readiness and the /health summary for one process.
 * @example
 * const health = createHealth({ version, commit, checks: [
 *   { name: 'database', critical: true, run: async ({ signal }) => ({ ok: await db.ping(signal) }) },
 * ] });
 * const report = await health.readiness(); // reply.code(healthHttpStatus(report)).send(report)
 */
export function createHealth(options: HealthOptions): Health {
  assertUniqueNames(options.checks);
  const now = options.now ?? (() => performance.now());
  const startedAt = options.startedAt ?? new Date();
  const runCached = cacheFor(options.cacheMs ?? 1_000, now, () => runChecks(options.checks, now));
  let isShuttingDown = false;

  const readiness = async (): Promise<ReadinessReport> => {
    if (isShuttingDown) return shuttingDownReport();
    const report = await runCached();
    // Shutdown may have started while the checks ran.
    return isShuttingDown ? shuttingDownReport() : report;
  };

  return {
    liveness: () => ({ status: 'ok' }),
    readiness,
    summary: async () => {
      const { status, ...rest } = await readiness();
      return {
        status,
        ...(options.component !== undefined && { component: options.component }),
        version: options.version,
        commit: options.commit,
        uptimeSeconds: uptimeSeconds(startedAt),
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
