/**
 * Schema change safety (issue 6): the data-models collection on a real CMS — SQLite and
 * PostgreSQL, built by the committed migrations — enforces the staged add → deprecate → remove
 * path, refuses removals, retypes and changes without a new version, records a changelog, and
 * lets editors but not viewers change models.
 */
import { ValidationError } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataModel } from '../payload-types.js';
import { cmsDialects, openTestCms, type Role, type TestCms } from './test-cms.test-support.js';

type Row = NonNullable<DataModel['attributes']>[number];
type Changes = Partial<Omit<DataModel, 'attributes'>> & { attributes?: Partial<Row>[] };

const number = (name: string, unitCode = 'GQ'): Partial<Row> => ({
  name,
  kind: 'Property',
  valueType: 'number',
  unitCode,
});

/** The field errors of a refused save (a ValidationError), or a failure when it was accepted. */
async function refusal(save: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  try {
    await save;
  } catch (error) {
    if (error instanceof ValidationError) return error.data.errors;
    throw error;
  }
  throw new Error('the save was accepted');
}

describe.each(cmsDialects())('data model changes on %s', (dialect) => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await openTestCms(dialect, 'data-models');
  });
  afterAll(async () => {
    await cms?.close();
  });

  const as = (role: Role) => ({ user: cms.users[role], overrideAccess: false });
  const create = (role: Role, data: Changes) =>
    cms.payload.create({ collection: 'data-models', data: data as DataModel, ...as(role) });
  const update = (role: Role, id: number, data: Changes) =>
    cms.payload.update({ collection: 'data-models', id, data, ...as(role) });
  const stored = (id: number) =>
    cms.payload.findByID({ collection: 'data-models', id, overrideAccess: true });
  const rows = (doc: DataModel) => doc.attributes ?? [];

  it('accepts add → deprecate → remove across three versions, the changelog recording each step', async () => {
    const v1 = await create('editor', {
      entityType: 'AirQualityObserved',
      version: '1.0.0',
      attributes: [number('pm10')],
    });
    const v2 = await update('editor', v1.id, {
      version: '1.1.0',
      attributes: [...rows(v1), number('pm10Avg')],
    });
    const [pm10, pm10Avg] = rows(v2);
    const v3 = await update('editor', v1.id, {
      version: '1.2.0',
      attributes: [{ ...pm10, status: 'deprecated', replacedBy: 'pm10Avg' }, pm10Avg!],
    });
    expect(rows(v3)[0]).toMatchObject({ status: 'deprecated', deprecatedIn: '1.2.0' });
    await update('editor', v1.id, { version: '2.0.0', attributes: [rows(v3)[1]!] });

    const final = await stored(v1.id);
    expect(rows(final).map((row) => [row.name, row.status])).toEqual([['pm10Avg', 'active']]);
    expect(
      (final.changelog ?? []).map((entry) => [entry.version, entry.author, entry.changes]),
    ).toEqual([
      ['1.0.0', 'editor@data-models.test', "created with 'pm10' (number, GQ)"],
      ['1.1.0', 'editor@data-models.test', "added attribute 'pm10Avg' (number, GQ)"],
      ['1.2.0', 'editor@data-models.test', "deprecated 'pm10' → replaced by 'pm10Avg'"],
      ['2.0.0', 'editor@data-models.test', "removed 'pm10'"],
    ]);
    for (const entry of final.changelog ?? []) expect(Date.parse(entry.date)).not.toBeNaN();
  });

  it('refuses removing an active attribute, and stores nothing', async () => {
    const doc = await create('editor', {
      entityType: 'WeatherObserved',
      version: '1.0.0',
      attributes: [number('temperature', 'CEL'), number('humidity', 'P1')],
    });
    const errors = await refusal(
      update('editor', doc.id, { version: '2.0.0', attributes: [rows(doc)[0]!] }),
    );
    expect(errors).toEqual([
      {
        path: 'attributes',
        message: expect.stringMatching(
          /^Attribute 'humidity' cannot be removed while it is active/,
        ),
      },
    ]);
    const after = await stored(doc.id);
    expect([after.version, rows(after).length, after.changelog?.length]).toEqual(['1.0.0', 2, 1]);
  });

  it('refuses retyping an attribute, naming it and what to do instead', async () => {
    const doc = await create('editor', {
      entityType: 'OffStreetParking',
      version: '1.0.0',
      attributes: [number('temperature', 'CEL')],
    });
    const errors = await refusal(
      update('editor', doc.id, {
        version: '1.1.0',
        attributes: [{ ...rows(doc)[0], valueType: 'string' }],
      }),
    );
    expect(errors).toEqual([
      {
        path: 'attributes.0.valueType',
        message:
          "Attribute 'temperature' cannot change its valueType from number to string: add a new attribute, mark 'temperature' deprecated with replacedBy, and remove it in a later version",
      },
    ]);
    expect(rows(await stored(doc.id))[0]?.valueType).toBe('number');
  });

  it('refuses a change without a higher version, naming the current one', async () => {
    const doc = await create('editor', {
      entityType: 'BikeHireDockingStation',
      version: '1.4.0',
      attributes: [number('availableBikeNumber', 'C62')],
    });
    const errors = await refusal(
      update('editor', doc.id, { attributes: [...rows(doc), number('freeSlotNumber', 'C62')] }),
    );
    expect(errors).toEqual([
      {
        path: 'version',
        message:
          'Version must be higher than the current version 1.4.0 because the data model changed: e.g. 1.5.0',
      },
    ]);
    expect(rows(await stored(doc.id))).toHaveLength(1);
  });

  it('lets a viewer read data models but neither create nor change one', async () => {
    const doc = await create('editor', { entityType: 'MedicalFacility', version: '1.0.0' });
    const read = await cms.payload.findByID({
      collection: 'data-models',
      id: doc.id,
      ...as('viewer'),
    });
    expect(read.changelog?.[0]?.changes).toBe('created, with no attributes');
    await expect(create('viewer', { entityType: 'Refused', version: '1.0.0' })).rejects.toThrow(
      /not allowed/,
    );
    await expect(
      update('viewer', doc.id, { version: '1.1.0', attributes: [number('beds', 'C62')] }),
    ).rejects.toThrow(/not allowed/);
    expect((await stored(doc.id)).version).toBe('1.0.0');
  });

  it('ignores a changelog and a deprecatedIn sent by a client, even through the trusted Local API', async () => {
    const forged = { version: '0.0.1', date: '2020-01-01T00:00:00.000Z', changes: 'forged' };
    const doc = await cms.payload.create({
      collection: 'data-models',
      data: { entityType: 'Alert', version: '1.0.0', changelog: [forged] },
    });
    expect(doc.changelog?.map((entry) => [entry.author, entry.changes])).toEqual([
      ['system', 'created, with no attributes'],
    ]);
    const updated = await update('editor', doc.id, {
      version: '1.1.0',
      attributes: [{ ...number('category'), deprecatedIn: '0.1.0' }],
      changelog: [forged],
    });
    expect(updated.attributes?.[0]?.deprecatedIn).toBeNull();
    expect(updated.changelog?.map((entry) => entry.changes)).toEqual([
      'created, with no attributes',
      "added attribute 'category' (number, GQ)",
    ]);
  });
});
