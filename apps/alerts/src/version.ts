import { readFileSync } from 'node:fs';
import { gitCommit as commitOf } from '@legocity/observability';

/** The alerts service's version, from its package.json (read once). */
export const ALERTS_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/**
 * The commit of the checkout the service runs from (short hash), when it runs from a git
 * checkout; builds and containers set LEGOCITY_COMMIT instead. Best effort: undefined when unknown.
 * @example gitCommit() // 'e37cc9d'
 */
export function gitCommit(): string | undefined {
  return commitOf(new URL('../../../.git/', import.meta.url));
}
