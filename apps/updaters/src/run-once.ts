import type { SourceReport, Updater } from '@legocity/updater-runtime';

/** How a one-shot load ended: every polled source ran and its outbox drained, or not. */
export interface RunOnceResult {
  ok: boolean;
  /** Why it is not ok, in an operator's words. */
  problem?: string;
  sources: SourceReport[];
}

export interface RunOnceOptions {
  timeoutMs: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Wait until every source has run once and delivered everything it queued (what `legocity seed`
 * needs), or until the timeout. The updater must be started; the caller stops it.
 * @example const result = await runOnce(updater, { timeoutMs: 120_000 });
 */
export async function runOnce(
  updater: Pick<Updater, 'report'>,
  options: RunOnceOptions,
): Promise<RunOnceResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + options.timeoutMs;
  for (;;) {
    const sources = updater.report();
    const isDone = sources.every((s) => s.lastRun !== undefined && s.outbox.pending === 0);
    if (isDone) {
      const failed = sources.filter((s) => s.lastRun?.ok === false);
      return failed.length === 0
        ? { ok: true, sources }
        : { ok: false, problem: `the run of ${names(failed)} failed`, sources };
    }
    if (now() >= deadline) {
      const waiting = sources.filter((s) => s.lastRun === undefined || s.outbox.pending > 0);
      const errors = waiting.flatMap((s) =>
        Object.entries(s.errors).map(([kind, count]) => `${s.id}: ${kind}: ${count.lastMessage}`),
      );
      return {
        ok: false,
        problem: `${names(waiting)} did not run and deliver within ${options.timeoutMs / 1000} s${errors.length > 0 ? ` (${errors.join('; ')})` : ''}`,
        sources,
      };
    }
    await sleep(options.pollMs ?? 200);
  }
}

function names(sources: readonly SourceReport[]): string {
  return sources.map((s) => `source ${s.id}`).join(', ');
}
