/**
 * Upgrading a CMS whose data models were stored before attributes had a lifecycle: the committed
 * migration makes every stored attribute active, and the model's next change starts its changelog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCms } from '../server/migrate-cms.js';
import { cmsDialects, openTestCms, type TestCms } from './test-cms.test-support.js';

/** Statements both dialects accept: a model as the first release stored it (version "1"). */
const LEGACY_MODEL = [
  `insert into data_models (entity_type, version) values ('FloodRiskZone', '1')`,
  `insert into data_models_attributes (_order, _parent_id, id, name, kind, value_type, unit_code)
   select 1, id, 'legacy-row-1', 'waterDepth', 'Property', 'number', 'MTR'
   from data_models where entity_type = 'FloodRiskZone'`,
];

describe.each(cmsDialects())(
  'data models stored before the lifecycle migration on %s',
  (dialect) => {
    let cms: TestCms;
    let id: number;

    beforeAll(async () => {
      cms = await openTestCms(dialect, 'data-models-upgrade', { migrations: 1 });
      const db = cms.payload.db as unknown as {
        drizzle: unknown;
        execute(args: { drizzle: unknown; raw: string }): Promise<unknown>;
      };
      for (const raw of LEGACY_MODEL) await db.execute({ drizzle: db.drizzle, raw });
      await migrateCms(cms.payload);
      const { docs } = await cms.payload.find({ collection: 'data-models' });
      id = docs[0]!.id;
    });
    afterAll(async () => {
      await cms?.close();
    });

    it('read with active attributes and an empty changelog', async () => {
      const doc = await cms.payload.findByID({ collection: 'data-models', id });
      expect(doc.attributes).toEqual([
        expect.objectContaining({ name: 'waterDepth', status: 'active', deprecatedIn: null }),
      ]);
      expect(doc.changelog).toEqual([]);
    });

    it('follow the change rules, their next change starting the changelog', async () => {
      const doc = await cms.payload.findByID({ collection: 'data-models', id });
      const as = { user: cms.users.editor, overrideAccess: false };
      await expect(
        cms.payload.update({
          collection: 'data-models',
          id,
          data: { version: '2.0.0', attributes: [] },
          ...as,
        }),
      ).rejects.toThrow(/attributes/);
      const updated = await cms.payload.update({
        collection: 'data-models',
        id,
        data: {
          version: '1.1.0',
          attributes: [
            ...(doc.attributes ?? []),
            { name: 'floodLevel', kind: 'Property', unitCode: 'MTR' },
          ],
        },
        ...as,
      });
      expect(updated.changelog?.map((entry) => [entry.version, entry.changes])).toEqual([
        ['1.1.0', "added attribute 'floodLevel' (number, MTR)"],
      ]);
    });
  },
);
