import { backupErrors } from './backup-messages.js';
import { tableLabel, type DumpEnd, type TableSummary } from './dump-format.js';

/**
 * Check that a dump's end line lists exactly the tables its sections held, with the same row
 * counts and checksums: a section cut out together with its tableEnd line is caught here.
 * @example checkEndLine(end, 120, new Map([['legocity.tenant', summary]]))
 */
export function checkEndLine(
  end: DumpEnd,
  endLine: number,
  read: ReadonlyMap<string, TableSummary>,
): void {
  const place = { line: endLine };
  const listed = new Map(end.tables.map((table) => [tableLabel(table), table]));
  for (const [label, summary] of read) {
    const stated = listed.get(label);
    if (!stated)
      throw backupErrors.inconsistent(place, `the end line does not list table ${label}`);
    if (stated.rows !== summary.rows || stated.sha256 !== summary.sha256) {
      throw backupErrors.inconsistent(
        place,
        `the end line's rows or SHA-256 of table ${label} differ from its tableEnd line`,
      );
    }
  }
  const missing = [...listed.keys()].filter((label) => !read.has(label));
  if (missing.length > 0) {
    throw backupErrors.inconsistent(
      place,
      `the end line lists table ${missing.join(', ')} but the dump has no section for it: it was cut or altered`,
    );
  }
}
