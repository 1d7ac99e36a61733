import { messages } from '../messages.js';
import type { ShutdownHook, ShutdownLogger } from './create-shutdown.js';

export interface NamedHook {
  name: string;
  hook: ShutdownHook;
}

export type HooksOutcome = { kind: 'done' | 'failed' } | { kind: 'timeout'; hook: string };

/**
 * Runs hooks one after another (in the order given) within one deadline shared by all. A failing
 * hook is logged and the next one still runs. `shouldStop` ends the run early (the process is
 * already exiting).
 * @example await runHooks({ hooks, timeoutMs: 10_000, logger, shouldStop: () => hasExited })
 */
export async function runHooks(options: {
  hooks: readonly NamedHook[];
  timeoutMs: number;
  logger: ShutdownLogger;
  shouldStop: () => boolean;
}): Promise<HooksOutcome> {
  const { logger } = options;
  let current = '';
  let deadline: NodeJS.Timeout | undefined;
  // Kept referenced on purpose: if every hook hangs on something that does not hold the event
  // loop, this timer is what still ends the process, with 1, instead of a silent exit 0.
  const timedOut = new Promise<'timeout'>((resolve) => {
    deadline = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  const work = (async () => {
    let hasFailed = false;
    for (const { name, hook } of options.hooks) {
      if (options.shouldStop()) break;
      current = name;
      const startedAt = performance.now();
      try {
        await hook();
        logger.info(
          { hook: name, durationMs: elapsedMs(startedAt) },
          messages.shutdownHookFinished,
        );
      } catch (err) {
        hasFailed = true;
        logger.error({ hook: name, err }, messages.shutdownHookFailed);
      }
    }
    return hasFailed ? 'failed' : 'done';
  })();

  try {
    const outcome = await Promise.race([work, timedOut]);
    return outcome === 'timeout' ? { kind: 'timeout', hook: current } : { kind: outcome };
  } finally {
    clearTimeout(deadline);
  }
}

export function elapsedMs(since: number): number {
  return Math.round(performance.now() - since);
}
