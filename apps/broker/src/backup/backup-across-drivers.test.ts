import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../testing/test-broker.js';
import { testDrivers, type DriverName } from '../testing/test-database.js';
import {
  RESTORE_BOOKKEEPING,
  answersOf,
  endOf,
  restoreDump,
  seedCity,
  summaryOf,
  tablesOf,
  takeBackup,
  type City,
} from './backup.test-support.js';

// Moving a city from the embedded default to PostgreSQL (and back) is a backup and a restore.
const DIRECTIONS: [DriverName, DriverName][] = [
  ['pglite', 'postgres'],
  ['postgres', 'pglite'],
];

describe.runIf(testDrivers().includes('postgres')).each(DIRECTIONS)(
  'a dump from %s restored into %s',
  (from, to) => {
    let source: TestBroker;
    let target: TestBroker;
    let city: City;

    beforeAll(async () => {
      [source, target] = await Promise.all([
        startTestBroker(from, {}, { isPrivate: true }),
        startTestBroker(to, {}, { isPrivate: true }),
      ]);
      city = await seedCity(source, 'http://127.0.0.1:9/notify', { isActive: false });
    });
    afterAll(async () => {
      await Promise.all([source?.close(), target?.close()]);
    });

    it('reads back identically and answers the same queries', async () => {
      const expected = await answersOf(source, city);
      const dump = await takeBackup(source);
      const response = await restoreDump(target, dump);
      expect(response.status, response.text).toBe(200);
      const after = tablesOf(await summaryOf(target));
      for (const [label, table] of tablesOf(endOf(dump))) {
        if (RESTORE_BOOKKEEPING.includes(label))
          expect(after.get(label)?.rows, label).toBe(table.rows + 1);
        else expect(after.get(label), label).toEqual(table);
      }
      const answers = await answersOf(target, city);
      const sourceKeys = new Set((expected.keys as { id: string }[]).map((key) => key.id));
      expect({
        ...answers,
        keys: (answers.keys as { id: string }[]).filter((key) => sourceKeys.has(key.id)),
      }).toEqual(expected);
    });
  },
);
