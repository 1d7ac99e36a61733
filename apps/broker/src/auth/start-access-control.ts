import type { HealthCheck, Logger, Metrics } from '@legocity/observability';
import type { BrokerConfig } from '../config.js';
import type { Database } from '../storage/database.js';
import { AccessControl } from './access-control.js';
import { ensureAdminKey } from './ensure-admin-key.js';

export interface AccessControlParts {
  /** Undefined when LEGOCITY_BROKER_AUTH=off. */
  access: AccessControl | undefined;
  /** The `auth` check of /health (non-critical): "api-keys", or "disabled" when off. */
  healthCheck: HealthCheck;
  close(): Promise<void>;
}

const AUTH_OFF_REMINDER_MS = 10 * 60_000;
const AUTH_OFF_MESSAGE =
  'Access control is OFF (LEGOCITY_BROKER_AUTH=off): anyone who reaches the broker may read, write and manage keys. Use this for local experiments only.';

/**
 * Start access control from the configuration: ensure an admin key exists (bootstrap or the
 * configured one), or, with auth off, warn at start-up and every 10 minutes.
 * @example const auth = await startAccessControl({ config, db, logger, metrics });
 */
export async function startAccessControl(options: {
  config: Pick<BrokerConfig, 'auth' | 'adminKey' | 'dataDir' | 'rateLimit' | 'rateBurst'>;
  db: Database;
  logger: Logger;
  metrics: Metrics;
}): Promise<AccessControlParts> {
  const { config, db, logger, metrics } = options;
  if (config.auth === 'off') {
    logger.warn(AUTH_OFF_MESSAGE);
    const reminder = setInterval(() => logger.warn(AUTH_OFF_MESSAGE), AUTH_OFF_REMINDER_MS);
    reminder.unref();
    return {
      access: undefined,
      healthCheck: {
        name: 'auth',
        critical: false,
        run: () => Promise.resolve({ ok: false, detail: 'disabled' }),
      },
      close: () => Promise.resolve(clearInterval(reminder)),
    };
  }
  await ensureAdminKey({ db, logger, dataDir: config.dataDir, configuredKey: config.adminKey });
  const access = new AccessControl({
    db,
    logger,
    metrics,
    rateLimit: config.rateLimit,
    rateBurst: config.rateBurst,
  });
  return {
    access,
    healthCheck: {
      name: 'auth',
      critical: false,
      run: () => Promise.resolve({ ok: true, detail: 'api-keys' }),
    },
    close: () => access.close(),
  };
}
