import pg from 'pg';
import type { Database, Queryable, QueryOptions, QueryResult } from './database.js';

export interface PostgresOptions {
  connectionString: string;
  /** Pool size; the broker's throughput on 2 cores peaks around 8–16 connections. */
  maxConnections?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

/**
 * The PostgreSQL driver (`pg` pool). Timestamps come back as ISO strings and bigints as numbers
 * so both drivers return identical rows.
 * @example const db = await connectPostgres({ connectionString: 'postgres://…/legocity' });
 */
export async function connectPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 16,
    application_name: options.applicationName ?? 'legocity-broker',
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    // Many small concurrent requests: parallel workers would compete with them for the same cores.
    options: '-c max_parallel_workers_per_gather=0',
    types: { getTypeParser },
  });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const client = await pool.connect();
  client.release();

  const query = async <R>(
    runner: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ) => {
    const values = params as unknown[] | undefined;
    const result = options?.prepare
      ? await runner.query({ name: options.prepare, text: sql, values })
      : await runner.query(sql, values);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 } satisfies QueryResult<R>;
  };

  return {
    driver: 'postgres',
    query: (sql, params, options) => query(pool, sql, params, options),
    exec: async (sql) => {
      await pool.query(sql);
    },
    afterCommit: (fn) => fn(),
    async transaction(fn) {
      const tx = await pool.connect();
      const committed: (() => void)[] = [];
      try {
        await tx.query('begin');
        const queryable: Queryable = {
          query: (sql, params, options) => query(tx, sql, params, options),
          exec: async (sql) => {
            await tx.query(sql);
          },
          afterCommit: (callback) => committed.push(callback),
        };
        const result = await fn(queryable);
        await tx.query('commit');
        for (const callback of committed) callback();
        return result;
      } catch (error) {
        await tx.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        tx.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const INT8 = 20;

function getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === TIMESTAMPTZ || oid === TIMESTAMP) return (value) => new Date(value).toISOString();
  if (oid === INT8) return (value) => Number(value);
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}
