/**
 * Runs `task` now and then every `intervalMs` (measured from each start), never two at once: a
 * round slower than the interval delays the next instead of piling up. A failing round is
 * reported and the next one still runs. `stop()` waits for the round in progress.
 * @example const loop = runEvery(15_000, () => evaluator.tick(Date.now()), (err) => log.error({ err }));
 */
export function runEvery(
  intervalMs: number,
  task: () => Promise<void>,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let isStopped = false;

  const round = (): void => {
    const startedAt = performance.now();
    running = task()
      .catch(onError)
      .finally(() => {
        running = undefined;
        if (isStopped) return;
        const waitMs = Math.max(0, intervalMs - (performance.now() - startedAt));
        timer = setTimeout(round, waitMs);
      });
  };
  round();

  return {
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
