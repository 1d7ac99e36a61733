import { describe, expect, it } from 'vitest';
import { readDataModel } from './read-data-model.js';
import { stampDeprecations } from './stamp-deprecations.js';
import { deprecated, model } from './data-model.test-support.js';

describe('readDataModel', () => {
  it('reads a stored document: nulls and empty texts dropped, a missing status active', () => {
    const doc = {
      id: 3,
      entityType: 'AirQualityObserved',
      version: '1.0.0',
      idPattern: '',
      description: null,
      attributes: [
        { id: 'r1', name: 'pm10', kind: 'Property', valueType: 'number', unitCode: null },
        {
          id: 'r2',
          name: 'no2',
          kind: 'Property',
          valueType: null,
          status: 'active',
          replacedBy: 'left over',
        },
      ],
      changelog: [],
    };
    expect(readDataModel(doc)).toEqual({
      entityType: 'AirQualityObserved',
      version: '1.0.0',
      attributes: [
        { name: 'pm10', kind: 'Property', valueType: 'number', status: 'active' },
        { name: 'no2', kind: 'Property', status: 'active' },
      ],
    });
  });

  it('gives up on what Payload validation refuses anyway', () => {
    expect(readDataModel({ version: '1.0.0' })).toBeUndefined();
    expect(
      readDataModel({ entityType: 'X', version: '1.0.0', attributes: [{ kind: 'Property' }] }),
    ).toBeUndefined();
    expect(readDataModel(null)).toBeUndefined();
  });
});

describe('stampDeprecations', () => {
  const stored = model('1.1.0', [deprecated('pm10', 'pm10Avg', { deprecatedIn: '1.1.0' })]);

  it('keeps the version that deprecated an attribute, and stamps a new deprecation with this one', () => {
    const rows = stampDeprecations(
      [
        {
          id: 'r1',
          name: 'pm10',
          status: 'deprecated',
          replacedBy: 'pm10Avg',
          deprecatedIn: '9.9.9',
        },
        { id: 'r2', name: 'no2', status: 'deprecated', replacedBy: 'pm10Avg' },
      ],
      stored,
      '1.2.0',
    );
    expect(rows.map((row) => [row.id, row.deprecatedIn])).toEqual([
      ['r1', '1.1.0'],
      ['r2', '1.2.0'],
    ]);
  });

  it('clears replacedBy and deprecatedIn of active attributes', () => {
    const [row] = stampDeprecations(
      [{ id: 'r1', name: 'pm10', status: 'active', replacedBy: 'pm10Avg', deprecatedIn: '1.1.0' }],
      stored,
      '1.2.0',
    );
    expect(row).toEqual({
      id: 'r1',
      name: 'pm10',
      status: 'active',
      replacedBy: null,
      deprecatedIn: null,
    });
  });
});
