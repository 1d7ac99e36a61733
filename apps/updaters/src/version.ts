import { readFileSync } from 'node:fs';
import { gitCommit as commitOf } from '@legocity/observability';

/** The update servers' version, from its package.json (read once). */
export const UPDATERS_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/**
 * The commit of the checkout the update servers run from (short hash), when it runs from a git checkout;
 * builds and containers set LEGOCITY_COMMIT instead. Best effort: undefined when unknown.
 * @example gitCommit() // 'e37cc9d'
 */
export function gitCommit(): string | undefined {
  return commitOf(new URL('../../../.git/', import.meta.url));
}
