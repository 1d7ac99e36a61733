import { describe, expect, it } from 'vitest';
import { compareDataModels } from './compare-data-models.js';
import { attribute, deprecated, model } from './data-model.test-support.js';

const lines = (comparison: ReturnType<typeof compareDataModels>) =>
  comparison.changes.map((change) => change.line);

const pm10 = attribute('pm10', { unitCode: 'GQ' });
const pm10Avg = attribute('pm10Avg', { unitCode: 'GQ' });

describe('compareDataModels', () => {
  it('records a created model with its attributes', () => {
    const created = compareDataModels(undefined, model('1.0.0', [pm10]));
    expect(created).toEqual({
      changes: [
        { kind: 'created', line: "created with 'pm10' (number, GQ)", needsNewVersion: false },
      ],
      problems: [],
    });
  });

  it('accepts add → deprecate → remove across three versions, one line per step', () => {
    const v1 = model('1.0.0', [pm10]);
    const v2 = model('1.1.0', [pm10, pm10Avg]);
    const v3 = model('1.2.0', [deprecated('pm10', 'pm10Avg', { unitCode: 'GQ' }), pm10Avg]);
    const v4 = model('2.0.0', [pm10Avg]);
    const steps = [compareDataModels(v1, v2), compareDataModels(v2, v3), compareDataModels(v3, v4)];
    expect(steps.map((step) => step.problems)).toEqual([[], [], []]);
    expect(steps.map(lines)).toEqual([
      ["added attribute 'pm10Avg' (number, GQ)"],
      ["deprecated 'pm10' → replaced by 'pm10Avg'"],
      ["removed 'pm10'"],
    ]);
  });

  it('refuses removing an active attribute, and says how to do it in stages', () => {
    const { problems } = compareDataModels(model('1.0.0', [pm10]), model('2.0.0', []));
    expect(problems).toEqual([
      {
        path: 'attributes',
        message:
          "Attribute 'pm10' cannot be removed while it is active: mark it deprecated with replacedBy in one version, and remove it in a later version (a rename is a new attribute plus a removed one)",
      },
    ]);
  });

  it('refuses a rename, which is a removal plus an addition', () => {
    const renamed = compareDataModels(model('1.0.0', [pm10]), model('1.1.0', [pm10Avg]));
    expect(renamed.problems.map((problem) => problem.path)).toEqual(['attributes']);
  });

  it('refuses deprecating and removing in the same version', () => {
    const { problems } = compareDataModels(
      model('1.0.0', [pm10, pm10Avg]),
      model('2.0.0', [pm10Avg]),
    );
    expect(problems[0]?.message).toContain("Attribute 'pm10' cannot be removed while it is active");
  });

  it('refuses changing valueType, kind or unitCode, naming the attribute and what to do instead', () => {
    const temperature = attribute('temperature', { unitCode: 'CEL' });
    const { problems } = compareDataModels(
      model('1.0.0', [pm10, temperature]),
      model('1.1.0', [
        pm10,
        attribute('temperature', {
          kind: 'Relationship',
          valueType: 'string',
          unitCode: undefined,
        }),
      ]),
    );
    expect(problems).toEqual([
      {
        path: 'attributes.1.kind',
        message: expect.stringContaining('from Property to Relationship'),
      },
      {
        path: 'attributes.1.valueType',
        message:
          "Attribute 'temperature' cannot change its valueType from number to string: add a new attribute, mark 'temperature' deprecated with replacedBy, and remove it in a later version",
      },
      { path: 'attributes.1.unitCode', message: expect.stringContaining('from CEL to none') },
    ]);
  });

  it('refuses a change without a higher version, suggesting one by the kind of change', () => {
    const v1 = model('1.2.0', [pm10]);
    const suggestion = (next: ReturnType<typeof model>) =>
      compareDataModels(v1, next).problems.map((problem) => [problem.path, problem.message]);
    expect(suggestion(model('1.2.0', [pm10, pm10Avg]))).toEqual([
      [
        'version',
        'Version must be higher than the current version 1.2.0 because the data model changed: e.g. 1.3.0',
      ],
    ]);
    expect(suggestion(model('1.2.0', [{ ...pm10, description: 'PM10' }]))[0]?.[1]).toMatch(
      /e\.g\. 1\.2\.1$/,
    );
    expect(suggestion(model('1.2.0', [pm10], { idPattern: 'urn:ngsi-ld:X:.+' }))).toHaveLength(1);
  });

  it('suggests a minor version when every change was refused', () => {
    const { problems } = compareDataModels(model('1.2.0', [pm10]), model('1.2.0', []));
    expect(problems.at(-1)?.message).toMatch(/e\.g\. 1\.3\.0$/);
  });

  it('suggests a major version for a removal', () => {
    const v3 = model('1.2.0', [deprecated('pm10', 'pm10Avg'), pm10Avg]);
    const { problems } = compareDataModels(v3, model('1.2.0', [pm10Avg]));
    expect(problems[0]?.message).toMatch(/e\.g\. 2\.0\.0$/);
  });

  it('refuses a lower, an equal-with-build or a non-semantic version', () => {
    const v1 = model('1.2.0', [pm10]);
    const messages = ['1.1.9', '1.2.0+build.2', '1.3'].map(
      (version) => compareDataModels(v1, model(version, [pm10])).problems[0]?.message,
    );
    expect(messages).toEqual([
      "Version 1.1.9 is not higher than the current version 1.2.0: a data model's version only increases",
      "Version 1.2.0+build.2 is not higher than the current version 1.2.0: a data model's version only increases",
      "Version '1.3' is not a semantic version: write MAJOR.MINOR.PATCH, e.g. 1.2.0",
    ]);
  });

  it('accepts a save that changes nothing, or only the model description, at the same version', () => {
    const v1 = model('1.0.0', [pm10]);
    expect(compareDataModels(v1, v1)).toEqual({ changes: [], problems: [] });
    const described = compareDataModels(v1, { ...v1, description: 'Air quality stations' });
    expect(described.problems).toEqual([]);
    expect(lines(described)).toEqual(['changed the description of the model']);
  });

  it('records a version raised without a contract change', () => {
    const raised = compareDataModels(model('1.0.0', [pm10]), model('1.0.1', [pm10]));
    expect(lines(raised)).toEqual([
      'raised the version from 1.0.0 to 1.0.1; the contract is unchanged',
    ]);
  });

  it('accepts any valid version after one stored before versions were checked', () => {
    const legacy = compareDataModels(model('1', [pm10]), model('1.0.0', [pm10, pm10Avg]));
    expect(legacy.problems).toEqual([]);
  });

  it('refuses changing the entity type of an existing model', () => {
    const { problems } = compareDataModels(
      model('1.0.0', []),
      model('2.0.0', [], { entityType: 'AirQualityForecast' }),
    );
    expect(problems).toEqual([
      {
        path: 'entityType',
        message:
          "Entity type cannot change from 'AirQualityObserved' to 'AirQualityForecast': create a new data model for 'AirQualityForecast'",
      },
    ]);
  });

  it('accepts un-deprecating and changing a replacement, recording both', () => {
    const pm = attribute('pm');
    const v2 = model('1.1.0', [deprecated('pm10', 'pm10Avg'), pm10Avg, pm, deprecated('x', 'pm')]);
    const v3 = model('1.2.0', [attribute('pm10'), pm10Avg, pm, deprecated('x', 'pm10Avg')]);
    const step = compareDataModels(v2, v3);
    expect(step.problems).toEqual([]);
    expect(lines(step)).toEqual([
      "'pm10' is active again (no longer deprecated)",
      "'x' is now replaced by 'pm10Avg' (was 'pm')",
    ]);
  });

  it('refuses adding an attribute that is already deprecated', () => {
    const { problems } = compareDataModels(
      model('1.0.0', [pm10Avg]),
      model('1.1.0', [pm10Avg, deprecated('pm10', 'pm10Avg')]),
    );
    expect(problems.map((problem) => problem.path)).toEqual(['attributes.1.status']);
  });

  it('reports every problem at once', () => {
    const { problems } = compareDataModels(
      model('1.0.0', [pm10, attribute('temperature')]),
      model('1.0.0', [{ ...pm10, valueType: 'string' }, pm10], { entityType: 'Other' }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'entityType',
      'attributes',
      'attributes.0.valueType',
      'attributes.1.name',
      'version',
    ]);
  });
});
