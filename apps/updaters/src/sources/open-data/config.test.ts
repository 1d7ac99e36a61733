import { describe, expect, it } from 'vitest';
import { readOpenDataConfig } from './config.js';
import { FIXTURE_DIR } from './test-mappings.test-support.js';

describe('readOpenDataConfig', () => {
  it('reads the mapping file and defaults to one load a day', () => {
    const result = readOpenDataConfig({
      LEGOCITY_UPDATERS_OPEN_DATA_MAPPING: `${FIXTURE_DIR}parkings.mapping.json`,
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        every: 86_400_000,
        mapping: { entityType: 'OffStreetParking', source: `${FIXTURE_DIR}parkings.csv` },
      },
    });
  });

  it('requires the mapping variable', () => {
    expect(readOpenDataConfig({})).toMatchObject({
      ok: false,
      problems: [{ variable: 'LEGOCITY_UPDATERS_OPEN_DATA_MAPPING' }],
    });
  });

  it('reports a mapping file that cannot be read or parsed, under the variable name', () => {
    expect(
      readOpenDataConfig({ LEGOCITY_UPDATERS_OPEN_DATA_MAPPING: '/nonexistent/m.json' }),
    ).toEqual({
      ok: false,
      problems: [
        {
          variable: 'LEGOCITY_UPDATERS_OPEN_DATA_MAPPING',
          message: 'names a mapping file that cannot be read (ENOENT)',
        },
      ],
    });
    const env = { LEGOCITY_UPDATERS_OPEN_DATA_MAPPING: '/m.json' };
    expect(readOpenDataConfig(env, () => '{ nope')).toMatchObject({
      problems: [{ message: 'names a mapping file that is not valid JSON' }],
    });
    expect(readOpenDataConfig(env, () => '{"source":"a.csv"}')).toMatchObject({
      ok: false,
      problems: [
        { message: 'mapping file: entityType: expected a non-empty string' },
        { message: expect.stringMatching(/^mapping file: entityId/) },
        { message: 'mapping file: attributes: expected a list' },
      ],
    });
  });

  it('refuses a period that is not a duration', () => {
    expect(
      readOpenDataConfig({
        LEGOCITY_UPDATERS_OPEN_DATA_MAPPING: `${FIXTURE_DIR}parkings.mapping.json`,
        LEGOCITY_UPDATERS_OPEN_DATA_EVERY: '24',
      }),
    ).toMatchObject({ ok: false, problems: [{ variable: 'LEGOCITY_UPDATERS_OPEN_DATA_EVERY' }] });
  });
});
