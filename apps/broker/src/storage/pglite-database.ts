import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Queryable, QueryResult } from './database.js';

export interface EmbeddedOptions {
  /** Folder holding the database files; undefined = in memory (tests). */
  dataDir: string | undefined;
}

/**
 * The embedded driver: PostgreSQL compiled to WebAssembly (PGlite) with PostGIS, in-process.
 * One connection: statements and transactions are serialised by PGlite itself.
 * @example const db = await openEmbedded({ dataDir: '.legocity/broker/pgdata' });
 */
export async function openEmbedded(options: EmbeddedOptions): Promise<Database> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { postgis },
    parsers: {
      [types.TIMESTAMPTZ]: (value: string) => new Date(value).toISOString(),
      [types.TIMESTAMP]: (value: string) => new Date(value).toISOString(),
      [types.INT8]: (value: string) => Number(value),
    },
  });

  const run = async <R>(
    runner: Pick<PGlite, 'query'>,
    sql: string,
    params?: readonly unknown[],
  ) => {
    const result = await runner.query<R>(sql, params as unknown[] | undefined);
    return {
      rows: result.rows,
      rowCount: result.affectedRows ?? result.rows.length,
    } satisfies QueryResult<R>;
  };

  return {
    driver: 'pglite',
    query: (sql, params) => run(pglite, sql, params),
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    afterCommit: (fn) => fn(),
    async transaction(fn) {
      const committed: (() => void)[] = [];
      const result = await pglite.transaction(async (tx) => {
        const queryable: Queryable = {
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
          afterCommit: (callback) => committed.push(callback),
        };
        return fn(queryable);
      });
      for (const callback of committed) callback();
      return result;
    },
    async ping() {
      await pglite.query('select 1');
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: () => pglite.close(),
  };
}
