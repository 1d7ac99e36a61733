import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../testing/test-broker.js';
import { testDrivers } from '../testing/test-database.js';
import { ENTITIES, expectStatus, linesOf, restoreDump, takeBackup } from './backup.test-support.js';
import type { TableStart, TableSummary } from './dump-format.js';

const BATCH = '/ngsi-ld/v1/entityOperations/create';
const sensors = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `urn:ngsi-ld:Sensor:${from + i}`,
    type: 'Sensor',
    level: { type: 'Property', value: i },
    location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [108 + i / 1e4, 16] } },
  }));

/** Each table's row lines, as the dump has them. */
function sections(dump: string): { table: TableStart; rows: string[]; end: TableSummary }[] {
  const found: { table: TableStart; rows: string[]; end: TableSummary }[] = [];
  let current: { table: TableStart; rows: string[] } | undefined;
  for (const text of dump.split('\n').filter((line) => line.length > 0)) {
    if (text.startsWith('[')) current!.rows.push(text);
    else if (text.startsWith('{"table"'))
      current = { table: (JSON.parse(text) as { table: TableStart }).table, rows: [] };
    else if (text.startsWith('{"tableEnd"')) {
      found.push({ ...current!, end: (JSON.parse(text) as { tableEnd: TableSummary }).tableEnd });
      current = undefined;
    }
  }
  return found;
}

describe.each(testDrivers())('a backup taken while writes go on, on %s', (driver) => {
  let source: TestBroker;
  let target: TestBroker;

  beforeAll(async () => {
    [source, target] = await Promise.all([
      startTestBroker(driver, {}, { isPrivate: true }),
      startTestBroker(driver, {}, { isPrivate: true }),
    ]);
    for (let from = 0; from < 3_000; from += 1_000) {
      await expectStatus(source, 201, 'POST', BATCH, { body: sensors(from, 1_000) });
    }
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
  });

  it('is one snapshot: counts and checksums hold, every entity has its creation in the history', async () => {
    let isDumping = true;
    let written = 0;
    const writes = (async () => {
      for (let from = 10_000; isDumping || written < 20; from += 10) {
        await expectStatus(source, 201, 'POST', BATCH, { body: sensors(from, 10) });
        await expectStatus(
          source,
          204,
          'PATCH',
          `${ENTITIES}/urn:ngsi-ld:Sensor:${written}/attrs`,
          {
            body: { level: { type: 'Property', value: -1 } },
          },
        );
        written += 1;
      }
    })();
    // Writes before the snapshot, during it, and after it.
    while (written < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    const dump = await takeBackup(source);
    isDumping = false;
    await writes;
    const end = (linesOf(dump).at(-1) as { end: { tables: TableSummary[] } }).end;
    const all = sections(dump);
    expect(all.map((section) => section.end)).toEqual(end.tables);
    for (const { table, rows, end: summary } of all) {
      expect(rows.length, table.name).toBe(summary.rows);
      const sha256 = createHash('sha256')
        .update(rows.map((row) => `${row}\n`).join(''))
        .digest('hex');
      expect(sha256, table.name).toBe(summary.sha256);
    }
    // Entities and the change log were read at different moments, but from the same snapshot.
    const of = (name: string) =>
      all.find((s) => s.table.schema === 'tenant_default' && s.table.name === name)!;
    const changes = of('entity_change');
    const trigger = changes.table.columns.findIndex((column) => column.name === 'trigger');
    const created = changes.rows.filter(
      (row) => (JSON.parse(row) as string[])[trigger] === 'entityCreated',
    );
    expect(created.length).toBe(of('entity').rows.length);
    expect(of('geo_attribute').rows.length).toBe(of('entity').rows.length);

    const restored = await restoreDump(target, dump);
    expect(restored.status, restored.text).toBe(200);
  });
});
