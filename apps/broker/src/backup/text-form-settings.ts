import type { Database, Queryable } from '../storage/database.js';

/**
 * Settings that fix every type's text form, so that the same row reads as the same text on any
 * cluster (PGlite or PostgreSQL, any server default): timestamps in UTC and ISO style, floats in
 * their shortest exact form, bytea in hex. Type names come out the same too (`search_path`), and no
 * statement timeout cuts a long dump or restore short. `set local`: they end with the transaction.
 * @example await db.transaction(async (tx) => { await useTextFormSettings(tx); … })
 */
export async function useTextFormSettings(tx: Queryable): Promise<void> {
  await tx.exec(`set local timezone to 'UTC';
    set local datestyle to 'ISO, YMD';
    set local intervalstyle to 'postgres';
    set local extra_float_digits to 1;
    set local bytea_output to 'hex';
    set local search_path to pg_catalog;
    set local statement_timeout to 0;
    set local idle_in_transaction_session_timeout to 0`);
}

/**
 * Run `fn` in ONE read-only REPEATABLE READ transaction: every read sees the database as it was
 * when the first one ran, while other sessions go on writing (on PostgreSQL; PGlite has one
 * connection, so its other requests wait until `fn` ends). Read-only, it takes no transaction id,
 * so it does not hold the notifier back (decision 0006).
 * @example const end = await inSnapshot(db, (tx) => summarise(tx))
 */
export async function inSnapshot<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    await useTextFormSettings(tx);
    return fn(tx);
  });
}
