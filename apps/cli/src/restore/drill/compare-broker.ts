import type { BrokerSummary } from '../../backup/manifest.js';
import type { BrokerRestoreResult } from '../restore-broker.js';

/** The outcome of comparing a restored broker with the manifest: problems fail the drill. */
export interface BrokerComparison {
  problems: string[];
  notes: string[];
}

const API_KEYS = 'legocity.api_key';
const AUDIT = 'legocity.audit_event';

/**
 * Compare a restored broker (its summary, GET /admin/backup/summary, and the restore's answer)
 * with the manifest: every table's row count and SHA-256, and the entity counts by tenant and
 * type. Two tables change by design and are compared by rows only: the API keys (the drill's own
 * key is added when the backup did not hold it) and the audit log (the restore audits itself).
 * After migrations (a backup from an older broker), tenant tables are compared by rows only.
 * @example const { problems } = compareBroker(manifest.broker.summary, summary, restored);
 */
export function compareBroker(
  expected: BrokerSummary,
  actual: BrokerSummary,
  restored: BrokerRestoreResult,
): BrokerComparison {
  const problems: string[] = [];
  const notes: string[] = [];
  const found = new Map(actual.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  const migrated = (restored.migrationsApplied ?? 0) > 0;
  if (migrated)
    notes.push(
      `the restore ran ${restored.migrationsApplied} tenant migrations (a backup from an older broker): tenant tables compared by rows only`,
    );
  for (const table of expected.tables) {
    const id = `${table.schema}.${table.name}`;
    const twin = found.get(id);
    found.delete(id);
    if (!twin) {
      problems.push(`table ${id} is missing from the restored broker`);
      continue;
    }
    if (id === API_KEYS) {
      const added = restored.callerKey?.kept ? 1 : 0;
      if (twin.rows !== table.rows + added)
        problems.push(
          `table ${id} has ${twin.rows} keys; the manifest says ${table.rows}${added ? ' plus the drill key' : ''}`,
        );
      if (added) notes.push(`${id}: the drill's own key was added (${twin.rows} rows)`);
      continue;
    }
    if (id === AUDIT) {
      if (twin.rows < table.rows)
        problems.push(`table ${id} has ${twin.rows} events; the manifest says ${table.rows}`);
      else
        notes.push(`${id}: ${twin.rows - table.rows} event(s) added by the restore and the drill`);
      continue;
    }
    const isRowsOnly = migrated && table.schema !== 'legocity';
    if (twin.rows !== table.rows || (!isRowsOnly && twin.sha256 !== table.sha256))
      problems.push(
        `table ${id} has ${twin.rows} rows (SHA-256 ${twin.sha256.slice(0, 12)}…); the manifest says ${table.rows} (${table.sha256.slice(0, 12)}…)`,
      );
  }
  for (const [id, extra] of found)
    if (extra.rows > 0) problems.push(`table ${id} (${extra.rows} rows) is not in the backup`);
  problems.push(...compareEntities(expected.entities, actual.entities));
  return { problems, notes };
}

/** Differences between two entity counts by tenant and type, one line each. */
export function compareEntities(
  expected: BrokerSummary['entities'],
  actual: BrokerSummary['entities'],
): string[] {
  const problems: string[] = [];
  const tenants = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const tenant of [...tenants].sort()) {
    const want = expected[tenant] ?? {};
    const have = actual[tenant] ?? {};
    for (const type of [...new Set([...Object.keys(want), ...Object.keys(have)])].sort()) {
      if ((want[type] ?? 0) !== (have[type] ?? 0))
        problems.push(
          `tenant ${tenant}: ${have[type] ?? 0} entities of type ${type}; the manifest says ${want[type] ?? 0}`,
        );
    }
  }
  return problems;
}
