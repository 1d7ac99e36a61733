import { describe, expect, it } from 'vitest';
import { brokerDump } from '../../backup/broker-dump.test-support.js';
import type { BrokerSummary } from '../../backup/manifest.js';
import type { BrokerRestoreResult } from '../restore-broker.js';
import { compareBroker } from './compare-broker.js';

const SENSOR = 'https://example.org/Sensor';
const backup = brokerDump(
  [
    { name: 'api_key', rows: [['k1']] },
    { name: 'audit_event', rows: [['e1']] },
    { schema: 'tenant_default', name: 'entity', rows: [['urn:a'], ['urn:b']] },
  ],
  { _default: { [SENSOR]: 2 } },
).summary;
const restored = (extra: Partial<BrokerRestoreResult> = {}): BrokerRestoreResult => ({
  tables: [],
  entities: {},
  durationMs: 1,
  ...extra,
});

/** The backup's summary with some tables replaced (by name). */
function withTables(
  changes: Record<string, Partial<BrokerSummary['tables'][number]>>,
): BrokerSummary {
  return {
    ...backup,
    tables: backup.tables.map((t) => ({ ...t, ...changes[t.name] })),
  };
}

describe('compareBroker', () => {
  it('passes when every table and count is equal', () => {
    expect(compareBroker(backup, backup, restored()).problems).toEqual([]);
  });

  it('accepts the drill key and new audit events, and says so', () => {
    const actual = withTables({
      api_key: { rows: 2, sha256: 'f'.repeat(64) },
      audit_event: { rows: 4, sha256: 'e'.repeat(64) },
    });
    const result = compareBroker(
      backup,
      actual,
      restored({ callerKey: { id: 'x', name: 'drill', kept: true } }),
    );
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([
      "legocity.api_key: the drill's own key was added (2 rows)",
      'legocity.audit_event: 3 event(s) added by the restore and the drill',
    ]);
  });

  it('names a table whose rows or checksum differ, and entity counts that differ', () => {
    const actual = {
      ...withTables({ entity: { rows: 1 } }),
      entities: { _default: { [SENSOR]: 1 } },
    };
    expect(compareBroker(backup, actual, restored()).problems).toEqual([
      expect.stringMatching(/^table tenant_default\.entity has 1 rows .*; the manifest says 2/),
      `tenant _default: 1 entities of type ${SENSOR}; the manifest says 2`,
    ]);
  });

  it('names a missing table and a table with rows the backup did not have', () => {
    const actual: BrokerSummary = {
      ...backup,
      tables: [
        ...backup.tables.filter((t) => t.name !== 'entity'),
        { schema: 'tenant_x', name: 'entity', rows: 3, sha256: 'a'.repeat(64) },
      ],
    };
    expect(compareBroker(backup, actual, restored()).problems).toEqual([
      'table tenant_default.entity is missing from the restored broker',
      'table tenant_x.entity (3 rows) is not in the backup',
    ]);
  });
});
