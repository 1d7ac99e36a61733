import type { Logger } from '@legocity/observability';
import type { BrokerConfig } from './config.js';
import type { Database } from './storage/database.js';
import { connectPostgres } from './storage/pg-database.js';
import { openEmbedded } from './storage/pglite-database.js';
import { join } from 'node:path';

/**
 * Open the configured store: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in
 * the data folder (the first start creates it and PostGIS, which takes ~20 s).
 * @example const db = await openDatabase(config, logger)
 */
export async function openDatabase(config: BrokerConfig, logger: Logger): Promise<Database> {
  if (config.databaseUrl) {
    logger.info({ driver: 'postgres' }, 'Connecting to PostgreSQL');
    return connectPostgres({
      connectionString: config.databaseUrl,
      maxConnections: config.poolSize,
    });
  }
  const dataDir = join(config.dataDir, 'pgdata');
  logger.info(
    { driver: 'pglite', dataDir },
    'Opening the embedded database (the first start takes about 20 s)',
  );
  const started = Date.now();
  const db = await openEmbedded({ dataDir });
  logger.info({ driver: 'pglite', durationMs: Date.now() - started }, 'Embedded database open');
  return db;
}
