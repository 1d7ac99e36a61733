import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** What `legocity seed` loads: the demo city's snapshot, or an open-data mapping file. */
export interface SeedPlan {
  /** The update-server source that loads it once. */
  sourceId: string;
  /** Environment of the one-shot update-server run (besides the broker URL and data folder). */
  env: Record<string, string>;
  describe: string;
}

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Turn `seed <what>` into a one-shot update-server run: `demo` runs the demo-city simulator once;
 * a `.json` file is an open-data mapping (a CSV or GeoJSON file and how its columns become
 * attributes, see apps/updaters/src/sources/open-data/README.md). The write key is the admin key.
 * @example await planSeed('demo', adminKey) // { sourceId: 'simulator', … }
 */
export async function planSeed(
  what: string,
  writeKey: string,
): Promise<{ ok: true; plan: SeedPlan } | { ok: false; problem: string }> {
  if (what === 'demo')
    return {
      ok: true,
      plan: {
        sourceId: 'simulator',
        env: { LEGOCITY_UPDATERS_SOURCES: 'simulator', LEGOCITY_UPDATERS_SIMULATOR_KEY: writeKey },
        describe: 'the demo city (Da Nang, simulated: one snapshot)',
      },
    };
  if (!what.endsWith('.json'))
    return {
      ok: false,
      problem: `'${what}' must be \`demo\` or a mapping file (.json) naming a CSV or GeoJSON file and how its columns become attributes (apps/updaters/src/sources/open-data/README.md)`,
    };
  const file = resolve(what);
  let mapping: unknown;
  try {
    mapping = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problem: `mapping file ${file}: ${code === 'ENOENT' ? 'does not exist' : code ? `cannot be read (${code})` : 'is not valid JSON'}`,
    };
  }
  const name = (mapping as { name?: unknown } | null)?.name ?? 'default';
  if (typeof name !== 'string' || !NAME.test(name))
    return {
      ok: false,
      problem: `mapping file ${file}: name: must be lower-case letters, digits and dashes`,
    };
  const sourceId = name === 'default' ? 'open-data' : `open-data-${name}`;
  return {
    ok: true,
    plan: {
      sourceId,
      env: {
        LEGOCITY_UPDATERS_SOURCES: 'open-data',
        LEGOCITY_UPDATERS_OPEN_DATA_MAPPING: file,
        [`LEGOCITY_UPDATERS_${sourceId.toUpperCase().replace(/-/g, '_')}_KEY`]: writeKey,
      },
      describe: `${file}`,
    },
  };
}
