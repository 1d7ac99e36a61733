/**
 * The configuration tables of the READMEs, generated from the config schemas so they cannot
 * drift. `npm run docs:config` rewrites them; test/docs/readme-config.test.ts fails when one is
 * stale.
 */
import { format, resolveConfig } from 'prettier';
import { describeConfig, formatConfigTable, type Schema } from '@legocity/config';
import { alertsConfigSchema } from '../apps/alerts/src/config.js';
import { brokerConfigSchema } from '../apps/broker/src/config.js';
import { cliConfigSchema } from '../apps/cli/src/config.js';
import { updatersConfigSchema } from '../apps/updaters/src/config.js';
import { dashboardConfigSchema } from '../apps/dashboard/src/config.js';
import { airQualityConfigSchema } from '../apps/updaters/src/sources/air-quality/config.js';
import { gbfsConfigSchema } from '../apps/updaters/src/sources/gbfs/config.js';
import { mqttConfigSchema } from '../apps/updaters/src/sources/mqtt/config.js';
import { openDataConfigSchema } from '../apps/updaters/src/sources/open-data/config.js';
import { simulatorConfigSchema } from '../apps/updaters/src/sources/simulator/config.js';
import { weatherConfigSchema } from '../apps/updaters/src/sources/weather/config.js';

const SOURCES = 'apps/updaters/src/sources';

/** Every generated table: the file (from the repository root), and its tables by marker name. */
export const CONFIG_DOCS: ReadonlyArray<{ file: string; tables: Record<string, Schema> }> = [
  {
    file: 'README.md',
    tables: {
      broker: brokerConfigSchema,
      updaters: updatersConfigSchema,
      dashboard: dashboardConfigSchema,
      cli: cliConfigSchema,
      alerts: alertsConfigSchema,
    },
  },
  { file: 'apps/dashboard/README.md', tables: { dashboard: dashboardConfigSchema } },
  { file: `${SOURCES}/weather/README.md`, tables: { weather: weatherConfigSchema } },
  { file: `${SOURCES}/air-quality/README.md`, tables: { 'air-quality': airQualityConfigSchema } },
  { file: `${SOURCES}/gbfs/README.md`, tables: { gbfs: gbfsConfigSchema } },
  { file: `${SOURCES}/open-data/README.md`, tables: { 'open-data': openDataConfigSchema } },
  { file: `${SOURCES}/mqtt/README.md`, tables: { mqtt: mqttConfigSchema } },
  { file: `${SOURCES}/simulator/README.md`, tables: { simulator: simulatorConfigSchema } },
];

const marker = (name: string, edge: 'start' | 'end') => `<!-- config:${name}:${edge} -->`;

/** A document with each of its tables regenerated between its markers, formatted as Prettier would. */
export async function renderConfigTables(
  text: string,
  path: string,
  tables: Record<string, Schema>,
): Promise<string> {
  let result = text;
  for (const [name, schema] of Object.entries(tables)) {
    const start = result.indexOf(marker(name, 'start'));
    const end = result.indexOf(marker(name, 'end'));
    if (start < 0 || end < start)
      throw new Error(`${path} has no ${marker(name, 'start')} … ${marker(name, 'end')} block`);
    const table = formatConfigTable(describeConfig(schema));
    result = `${result.slice(0, start)}${marker(name, 'start')}\n${table}\n${result.slice(end)}`;
  }
  const options = (await resolveConfig(path)) ?? {};
  return format(result, { ...options, filepath: path });
}
