import { readFileSync } from 'node:fs';

/** The broker's version, from its package.json (read once). */
export const BROKER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/**
 * The commit of the checkout the broker runs from (short hash), when it runs from a git checkout;
 * builds and containers set LEGOCITY_COMMIT instead. Best effort: undefined when unknown.
 * @example gitCommit() // 'e37cc9d'
 */
export function gitCommit(): string | undefined {
  try {
    const git = new URL('../../../.git/', import.meta.url);
    const head = readFileSync(new URL('HEAD', git), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 7);
    const ref = head.slice(5);
    try {
      return readFileSync(new URL(ref, git), 'utf8').trim().slice(0, 7);
    } catch {
      const packed = readFileSync(new URL('packed-refs', git), 'utf8');
      return packed
        .split('\n')
        .find((line) => line.endsWith(` ${ref}`))
        ?.slice(0, 7);
    }
  } catch {
    return undefined;
  }
}
