/**
 * The demo city's data contracts — the ones its update servers validate against — load as data
 * models under the change rules, and then change through the staged path like any other.
 */
import type { AttributeContract, EntityContract } from '@legocity/updater-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  polledContracts,
  sensorContracts,
} from '../../../updaters/src/sources/simulator/contract.js';
import type { DataModel } from '../payload-types.js';
import { cmsDialects, openTestCms, type TestCms } from './test-cms.test-support.js';

type Row = NonNullable<DataModel['attributes']>[number];

/** An update server's attribute contract as a data-model attribute row. */
function toRow(attribute: AttributeContract): Omit<Row, 'status'> {
  return {
    name: attribute.name,
    kind: attribute.kind as Row['kind'],
    valueType: attribute.kind === 'GeoProperty' ? 'geometry' : (attribute.valueType ?? null),
    unitCode: attribute.unitCode ?? null,
    description: attribute.description ?? null,
  };
}

function toDataModel(contract: EntityContract) {
  return {
    entityType: contract.type,
    version: contract.version,
    idPattern: contract.idPattern,
    description: contract.description ?? null,
    attributes: contract.attributes.map(toRow),
  };
}

describe.each(cmsDialects())("the demo city's data models on %s", (dialect) => {
  let cms: TestCms;
  const contracts = [...polledContracts, ...sensorContracts];

  beforeAll(async () => {
    cms = await openTestCms(dialect, 'demo-data-models');
  });
  afterAll(async () => {
    await cms?.close();
  });

  it('load, each with a created changelog entry, as an editor', async () => {
    for (const contract of contracts) {
      await cms.payload.create({
        collection: 'data-models',
        data: toDataModel(contract) as DataModel,
        user: cms.users.editor,
        overrideAccess: false,
      });
    }
    const { docs } = await cms.payload.find({
      collection: 'data-models',
      limit: 100,
      user: cms.users.viewer,
      overrideAccess: false,
    });
    expect(docs.map((doc) => doc.entityType).sort()).toEqual(
      contracts.map((contract) => contract.type).sort(),
    );
    for (const doc of docs) {
      const contract = contracts.find((candidate) => candidate.type === doc.entityType)!;
      expect(doc.attributes?.map((row) => row.name)).toEqual(
        contract.attributes.map((attribute) => attribute.name),
      );
      expect(doc.changelog?.map((entry) => entry.changes.slice(0, 13))).toEqual(['created with ']);
    }
  });

  it('take a staged change: a new attribute, then the old one deprecated in favour of it', async () => {
    const [doc] = (
      await cms.payload.find({
        collection: 'data-models',
        where: { entityType: { equals: 'WeatherObserved' } },
      })
    ).docs;
    const rows = doc!.attributes ?? [];
    const added = await cms.payload.update({
      collection: 'data-models',
      id: doc!.id,
      data: {
        version: '1.1.0',
        attributes: [...rows, { name: 'airTemperature', kind: 'Property', unitCode: 'CEL' }],
      },
      user: cms.users.editor,
      overrideAccess: false,
    });
    const deprecated = await cms.payload.update({
      collection: 'data-models',
      id: doc!.id,
      data: {
        version: '1.2.0',
        attributes: (added.attributes ?? []).map((row) =>
          row.name === 'temperature'
            ? { ...row, status: 'deprecated' as const, replacedBy: 'airTemperature' }
            : row,
        ),
      },
      user: cms.users.editor,
      overrideAccess: false,
    });
    expect(deprecated.changelog?.map((entry) => entry.changes).slice(1)).toEqual([
      "added attribute 'airTemperature' (number, CEL)",
      "deprecated 'temperature' → replaced by 'airTemperature'",
    ]);
  });
});
