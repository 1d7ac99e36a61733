import { readFileSync } from 'node:fs';

/** The broker's version, from its package.json (read once). */
export const BROKER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
