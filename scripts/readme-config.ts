/**
 * The README's configuration tables, generated from the config schemas so they cannot drift.
 * `npm run docs:config` rewrites them; test/docs/readme-config.test.ts fails when they are stale.
 */
import { format, resolveConfig } from 'prettier';
import { describeConfig, formatConfigTable, type Schema } from '@legocity/config';
import { brokerConfigSchema } from '../apps/broker/src/config.js';

export const CONFIG_TABLES: Record<string, Schema> = {
  broker: brokerConfigSchema,
};

const marker = (name: string, edge: 'start' | 'end') => `<!-- config:${name}:${edge} -->`;

/** The README with every table between its markers regenerated, formatted as Prettier would. */
export async function renderReadme(readme: string, path: string): Promise<string> {
  let result = readme;
  for (const [name, schema] of Object.entries(CONFIG_TABLES)) {
    const start = result.indexOf(marker(name, 'start'));
    const end = result.indexOf(marker(name, 'end'));
    if (start < 0 || end < start)
      throw new Error(`README.md has no ${marker(name, 'start')} … ${marker(name, 'end')} block`);
    const table = formatConfigTable(describeConfig(schema));
    result = `${result.slice(0, start)}${marker(name, 'start')}\n${table}\n${result.slice(end)}`;
  }
  const options = (await resolveConfig(path)) ?? {};
  return format(result, { ...options, filepath: path });
}
