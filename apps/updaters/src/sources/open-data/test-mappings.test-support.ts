import { fileURLToPath } from 'node:url';
import { parseMapping, type Mapping } from './mapping.js';
import { readFixture } from '../../testing/source-testing.test-support.js';

/** apps/updaters/fixtures/open-data as a folder path. */
export const FIXTURE_DIR = fileURLToPath(new URL('../../../fixtures/open-data/', import.meta.url));

/** A mapping of fixtures/open-data, parsed (relative sources resolved against that folder). */
export function fixtureMapping(name: string): Mapping {
  const parsed = parseMapping(
    JSON.parse(readFixture(`open-data/${name}.mapping.json`)),
    FIXTURE_DIR,
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.value;
}
