import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  duration,
  loadConfig,
  path,
  type ConfigOf,
  type ConfigProblem,
  type LoadConfigResult,
} from '@legocity/config';
import { parseMapping, type Mapping } from './mapping.js';

const MAPPING_ENV = 'LEGOCITY_UPDATERS_OPEN_DATA_MAPPING';

/** Settings of the open-data loader, read once at start-up (`LEGOCITY_UPDATERS_OPEN_DATA_*`). */
export const openDataConfigSchema = {
  mapping: path({
    env: MAPPING_ENV,
    description:
      'JSON file saying what to load (a CSV or GeoJSON path or http(s) URL) and how columns become attributes; see the source README.',
  }),
  every: duration({
    env: 'LEGOCITY_UPDATERS_OPEN_DATA_EVERY',
    default: 86_400_000,
    description:
      'How often the file is loaded again (it is loaded once at start-up, then this often).',
  }),
};

/** The loader's settings with the mapping file read and checked. */
export interface OpenDataConfig extends Omit<ConfigOf<typeof openDataConfigSchema>, 'mapping'> {
  mapping: Mapping;
}

/**
 * Read the loader's configuration and its mapping file; every problem of both is reported, the
 * mapping's by field under the variable's name.
 * @example const result = readOpenDataConfig(); if (result.ok) createOpenDataSource(result.value);
 */
export function readOpenDataConfig(
  env: NodeJS.ProcessEnv = process.env,
  readFile: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): LoadConfigResult<OpenDataConfig> {
  const loaded = loadConfig(openDataConfigSchema, { env, readFile });
  if (!loaded.ok) return loaded;
  const file = loaded.value.mapping;
  let json: unknown;
  try {
    json = JSON.parse(readFile(file).replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason =
      error instanceof SyntaxError
        ? 'is not valid JSON'
        : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    return {
      ok: false,
      problems: [{ variable: MAPPING_ENV, message: `names a mapping file that ${reason}` }],
    };
  }
  const mapping = parseMapping(json, dirname(file));
  if (!mapping.ok) {
    const problems: ConfigProblem[] = mapping.problems.map((message) => ({
      variable: MAPPING_ENV,
      message: `mapping file: ${message}`,
    }));
    return { ok: false, problems };
  }
  return { ok: true, value: { ...loaded.value, mapping: mapping.value } };
}
