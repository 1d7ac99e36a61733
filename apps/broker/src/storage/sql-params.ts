/**
 * Collects bound parameters while SQL text is built, so no value is ever spliced into SQL.
 * @example
 * const params = new SqlParams();
 * const sql = `select * from entity where id = ${params.add(id)}`; // "… where id = $1"
 * await db.query(sql, params.values);
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Quote an SQL identifier (schema, table or column name). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
