import { Cron } from 'croner';
import type { EntityBody } from '@legocity/broker-client';
import type { Logger } from '@legocity/observability';
import { sleep as realSleep, type Sleep } from './backoff.js';
import { PermanentError, toUpdaterError, type UpdaterError } from './errors.js';
import { createHttpGet, type HttpGetSettings } from './http-get.js';
import type { FetchContext, PolledSource, TransformContext } from './source.js';
import type { WriteReport } from './write-entities.js';

/** One run of a polled source. */
export interface RunReport {
  startedAt: number;
  durationMs: number;
  ok: boolean;
  queued: number;
  unchanged: number;
  rejected: number;
  error?: UpdaterError;
}

export interface PolledRunnerOptions {
  source: PolledSource;
  /** Validate, dedupe and queue (writeEntities bound to this source, full entities). */
  write(entities: EntityBody[]): Promise<WriteReport>;
  /** Bound to the source (`logger.child({ sourceId })`): log lines carry no sourceId of their own. */
  log: Logger;
  /** Timeout, retry policy and test doubles of FetchContext.get. */
  http?: Omit<HttpGetSettings, 'signal' | 'log'>;
  now?: () => number;
  sleep?: Sleep;
  onRun?: (run: RunReport) => void;
  /** Every error, classified; contract problems come as PermanentError 'contract'. */
  onError?: (error: UpdaterError) => void;
}

export interface PolledRunner {
  /** Run at once, then on schedule, until stopped. */
  start(): void;
  /** Abort the run in flight (its fetch) and stop scheduling. */
  stop(): Promise<void>;
  /** One run: fetch → transform → validate → dedupe → outbox. Never throws. */
  runOnce(): Promise<RunReport>;
}

/**
 * Runs a polled source: once at start, then every `schedule.every` ms after the previous run
 * began, or at each `schedule.cron` time (UTC). Runs never overlap: a run that overruns its slot
 * delays the next. A TTL set by the source (`setTtl`, e.g. GBFS `ttl`) and a Retry-After the
 * source's API sent on giving up push the next run back. Invalid entities are refused and
 * reported (PermanentError 'contract'), valid ones of the same run are kept.
 *
 * @example
 * const runner = createPolledRunner({ source, write: (e) => writeEntities(e, ctx), log });
 * runner.start();
 */
export function createPolledRunner(options: PolledRunnerOptions): PolledRunner {
  const { source, log } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const cron =
    'cron' in source.schedule ? new Cron(source.schedule.cron, { timezone: 'UTC' }) : undefined;
  let controller = new AbortController();
  let loop: Promise<void> | undefined;
  let notBefore = 0;

  async function runOnce(): Promise<RunReport> {
    const startedAt = now();
    const signal = controller.signal;
    let stage: 'fetch' | 'transform' | 'write' = 'fetch';
    try {
      const fetchContext: FetchContext = {
        sourceId: source.id,
        signal,
        log,
        now: () => new Date(now()),
        get: createHttpGet({ ...options.http, signal, log }),
        setTtl(seconds) {
          notBefore = Math.max(notBefore, startedAt + seconds * 1000);
        },
      };
      const raw = await source.fetch(fetchContext);
      stage = 'transform';
      const transformContext: TransformContext = {
        sourceId: source.id,
        log,
        now: () => new Date(now()),
      };
      const entities = await source.transform(raw, transformContext);
      stage = 'write';
      const written = await options.write(entities);
      if (written.problems.length > 0) reportProblems(written.problems);
      const run: RunReport = {
        startedAt,
        durationMs: now() - startedAt,
        ok: true,
        queued: written.queued,
        unchanged: written.unchanged,
        rejected: written.rejected,
      };
      log.info(
        {
          queued: run.queued,
          unchanged: run.unchanged,
          rejected: run.rejected,
          durationMs: run.durationMs,
        },
        `Source ${source.id} ran: ${run.queued} queued, ${run.unchanged} unchanged, ${run.rejected} rejected`,
      );
      options.onRun?.(run);
      return run;
    } catch (thrown) {
      const error = toUpdaterError(thrown, stage === 'transform' ? 'transform' : 'unknown');
      if (error.retryAfterMs !== undefined)
        notBefore = Math.max(notBefore, now() + error.retryAfterMs);
      options.onError?.(error);
      log.warn(
        { kind: error.kind, retryable: error.isRetryable, err: error },
        `Source ${source.id} failed in ${stage} (${error.kind}): ${error.message}`,
      );
      const run: RunReport = {
        startedAt,
        durationMs: now() - startedAt,
        ok: false,
        queued: 0,
        unchanged: 0,
        rejected: 0,
        error,
      };
      options.onRun?.(run);
      return run;
    }
  }

  function reportProblems(problems: string[]) {
    const shown = problems.slice(0, 20);
    const more =
      problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
    log.warn(
      { problems: shown },
      `Source ${source.id}: ${problems.length} entities refused by the data contract${more}`,
    );
    options.onError?.(
      new PermanentError(
        'contract',
        `${shown[0] ?? ''}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`,
      ),
    );
  }

  function nextRunAt(lastStartedAt: number): number | undefined {
    let next: number;
    if (cron) {
      const at = cron.nextRun(new Date(now()));
      if (at === null) return undefined;
      next = at.getTime();
    } else {
      next = lastStartedAt + (source.schedule as { every: number }).every;
    }
    return Math.max(next, notBefore, now());
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const report = await runOnce();
      const next = nextRunAt(report.startedAt);
      if (next === undefined) return;
      await sleep(next - now(), signal);
    }
  }

  return {
    start() {
      if (loop) return;
      controller = new AbortController();
      loop = run(controller.signal);
    },
    async stop() {
      controller.abort();
      await loop;
      loop = undefined;
    },
    runOnce,
  };
}
