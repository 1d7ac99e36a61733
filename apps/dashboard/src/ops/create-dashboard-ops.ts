import {
  createHealth,
  createLogger,
  createMetrics,
  versionInfo,
  type Health,
  type HealthCheck,
  type LogLevel,
  type Logger,
  type Metrics,
  type VersionInfo,
} from '@legocity/observability';
import { brokerCheck } from './check-broker.js';

/** The dashboard's health, metrics, logger and version, shared by its route handlers. */
export interface DashboardOps {
  health: Health;
  metrics: Metrics;
  logger: Logger;
  version: () => VersionInfo;
}

export interface DashboardOpsOptions {
  version: string;
  commit: string;
  brokerUrl: string;
  logLevel: LogLevel;
  /** Resolves when the CMS database answers a trivial query. */
  pingDatabase: (signal: AbortSignal) => Promise<void>;
  fetchImpl?: typeof fetch;
}

/**
 * Health (critical: CMS database; non-critical: broker), Prometheus metrics and a JSON logger.
 * @example const ops = createDashboardOps({ version, commit, brokerUrl, logLevel: 'info', pingDatabase });
 */
export function createDashboardOps(options: DashboardOpsOptions): DashboardOps {
  const startedAt = new Date();
  const database: HealthCheck = {
    name: 'database',
    critical: true,
    run: async ({ signal }) => {
      await options.pingDatabase(signal);
      return { ok: true };
    },
  };
  return {
    health: createHealth({
      component: 'dashboard',
      version: options.version,
      commit: options.commit,
      startedAt,
      checks: [database, brokerCheck(options.brokerUrl, options.fetchImpl)],
    }),
    metrics: createMetrics({ prefix: 'legocity_dashboard' }),
    logger: createLogger({
      component: 'dashboard',
      version: options.version,
      commit: options.commit,
      level: options.logLevel,
    }),
    version: () =>
      versionInfo({
        component: 'dashboard',
        version: options.version,
        commit: options.commit,
        startedAt,
      }),
  };
}
