import { readFileSync } from 'node:fs';

/**
 * The commit (short hash) of the git checkout whose `.git` folder is at `gitDir`, when a process
 * runs from a checkout; builds and containers set LEGOCITY_COMMIT instead. Best effort:
 * undefined when unknown.
 * @example gitCommit(new URL('../../../.git/', import.meta.url)) // 'e37cc9d'
 */
export function gitCommit(gitDir: URL): string | undefined {
  try {
    const head = readFileSync(new URL('HEAD', gitDir), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 7);
    const ref = head.slice(5);
    try {
      return readFileSync(new URL(ref, gitDir), 'utf8').trim().slice(0, 7);
    } catch {
      const packed = readFileSync(new URL('packed-refs', gitDir), 'utf8');
      return packed
        .split('\n')
        .find((line) => line.endsWith(` ${ref}`))
        ?.slice(0, 7);
    }
  } catch {
    return undefined;
  }
}
