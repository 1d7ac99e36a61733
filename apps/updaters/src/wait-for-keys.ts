import type { Logger } from '@legocity/observability';
import { SourceKeyError } from './source-keys.js';

/**
 * Get every source's write key, waiting for the broker when it is not reachable yet (the update
 * servers often start together with it). A refusal (no admin key, a 4xx) is not waited out: it
 * throws, with the message that says what to do.
 * @example const keys = await waitForKeys([() => sourceKey(…)], logger, () => shutdown.isShuttingDown);
 */
export async function waitForKeys(
  getters: ReadonlyArray<() => Promise<string>>,
  logger: Pick<Logger, 'warn' | 'info'>,
  isStopping: () => boolean,
  delays: { firstMs: number; maxMs: number } = { firstMs: 1_000, maxMs: 10_000 },
): Promise<string[]> {
  const keys: string[] = [];
  for (const get of getters) {
    let delay = delays.firstMs;
    let hasWarned = false;
    for (;;) {
      try {
        keys.push(await get());
        break;
      } catch (error) {
        if (error instanceof SourceKeyError && !error.isRetryable) throw error;
        if (isStopping()) throw error;
        if (!hasWarned) {
          logger.warn(
            { reason: error instanceof Error ? error.message : String(error) },
            'Waiting for the broker to create the sources’ write keys',
          );
          hasWarned = true;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delays.maxMs, delay * 2);
      }
    }
    if (hasWarned) logger.info({}, 'Broker reached; write key ready');
  }
  return keys;
}
