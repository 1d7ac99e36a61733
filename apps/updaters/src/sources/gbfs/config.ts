import { readFileSync } from 'node:fs';
import {
  duration,
  loadConfig,
  string,
  url,
  type ConfigOf,
  type LoadConfigResult,
} from '@legocity/config';

/** Settings of the GBFS bike-share source, read once at start-up (`LEGOCITY_UPDATERS_GBFS_*`). */
export const gbfsConfigSchema = {
  url: url({
    env: 'LEGOCITY_UPDATERS_GBFS_URL',
    protocols: ['http:', 'https:'],
    description: 'Auto-discovery file (gbfs.json) of a GBFS 2.x or 3.x system.',
  }),
  language: string({
    env: 'LEGOCITY_UPDATERS_GBFS_LANGUAGE',
    optional: true,
    description:
      'Language of the feeds (2.x) and of station names (3.x), e.g. `fr`. Default: `en` if offered, else the first.',
  }),
  systemId: string({
    env: 'LEGOCITY_UPDATERS_GBFS_SYSTEM_ID',
    optional: true,
    description:
      'Overrides the system_id used in entity ids. Default: system_id from the system_information feed.',
  }),
  every: duration({
    env: 'LEGOCITY_UPDATERS_GBFS_EVERY',
    default: 60_000,
    description:
      'How often station status is read; never more often than the feeds\u2019 `ttl` allows.',
  }),
};

export type GbfsConfig = ConfigOf<typeof gbfsConfigSchema>;

/**
 * Read the GBFS source's configuration from an environment (default: this process's).
 * @example const result = readGbfsConfig(); if (result.ok) createGbfsSource(result.value);
 */
export function readGbfsConfig(env: NodeJS.ProcessEnv = process.env): LoadConfigResult<GbfsConfig> {
  return loadConfig(gbfsConfigSchema, { env, readFile: (file) => readFileSync(file, 'utf8') });
}
