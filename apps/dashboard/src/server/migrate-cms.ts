import type { Payload } from 'payload';

/**
 * Applies the committed migrations not yet applied. Payload does this by itself at start-up in
 * production (`prodMigrations`); development servers and tests call this instead of pushing the
 * schema, so they run on the same schema as production.
 * @example await migrateCms(await getPayload({ config }));
 */
export async function migrateCms(payload: Payload): Promise<void> {
  const db = payload.db as unknown as {
    prodMigrations?: unknown[];
    migrate(args: { migrations?: unknown[] }): Promise<void>;
  };
  await db.migrate({ migrations: db.prodMigrations });
}
