/**
 * The one interface the broker's data layer uses. Two drivers satisfy it with the same SQL:
 * `pg` against PostgreSQL + PostGIS, and PGlite + PostGIS embedded (a data folder, no server).
 */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface QueryOptions {
  /** A name unique to this SQL text (e.g. 'tenant_default.entity.get'). */
  prepare?: string;
}

export interface Queryable {
  /**
   * Run one statement with `$1…$n` parameters. Give `prepare` a name for fixed, hot statements:
   * PostgreSQL then parses and plans them once per connection (PGlite ignores it).
   */
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResult<R>>;
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Inside a transaction: run `fn` once the transaction has committed (never if it rolls back).
   * Outside one (autocommit), the statement already committed: `fn` runs at once.
   */
  afterCommit(fn: () => void): void;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database extends Queryable {
  readonly driver: 'postgres' | 'pglite';
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Cheap round trip used by readiness checks. */
  ping(): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}
