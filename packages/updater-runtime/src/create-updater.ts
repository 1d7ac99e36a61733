import { join } from 'node:path';
import { createBrokerClient, type EntityBody } from '@legocity/broker-client';
import type { Logger } from '@legocity/observability';
import {
  createBrokerWriter,
  type BrokerWriter,
  type BrokerWriterOptions,
} from './broker-writer.js';
import { openDedupe, type Dedupe } from './dedupe.js';
import { PermanentError, toUpdaterError, type UpdaterError } from './errors.js';
import { createFreshness, type Freshness } from './freshness.js';
import type { HttpGetSettings } from './http-get.js';
import { openOutbox, type Outbox, type OutboxOptions } from './outbox.js';
import { createPolledRunner, type PolledRunner, type RunReport } from './run-polled-source.js';
import type { Source, StreamContext } from './source.js';
import type { LastRun, SourceReport } from './source-report.js';
import type { UpdaterMetrics } from './updater-metrics.js';
import { writeEntities } from './write-entities.js';

export interface UpdaterOptions {
  sources: Source[];
  broker: {
    /** Broker origin, e.g. "http://localhost:1026". */
    url: string;
    tenant?: string;
    /** The write key of one source, scoped to its entity types. Never logged. */
    keyFor(sourceId: string): string;
    /** Per upsert attempt; default 10 s. */
    timeoutMs?: number;
  };
  /** Outboxes, dedupe snapshots and dead letters live under `<dataDir>/<sourceId>/`. */
  dataDir: string;
  logger: Logger;
  metrics?: UpdaterMetrics;
  /** Wall clock in ms. */
  now?: () => number;
  /** Tuning (tests use short delays). */
  writer?: Pick<BrokerWriterOptions, 'batchSize' | 'retry' | 'authRetryMs'>;
  http?: Omit<HttpGetSettings, 'signal' | 'log'>;
  outbox?: Pick<OutboxOptions, 'maxPending' | 'fsyncIntervalMs' | 'segmentBytes'>;
  /** How often staleness is re-evaluated (and transitions logged); default from the sources. */
  freshnessCheckMs?: number;
}

export interface Updater {
  /** Open every source's outbox and dedupe state, then start writers and inputs. */
  start(): Promise<void>;
  /** Graceful: stop inputs, fsync outboxes and dedupe snapshots, stop writers. */
  stop(): Promise<void>;
  report(): SourceReport[];
}

interface SourceState {
  source: Source;
  log: Logger;
  outbox: Outbox;
  dedupe: Dedupe;
  writer: BrokerWriter;
  freshness: Freshness;
  runner?: PolledRunner;
  streamAbort?: AbortController;
  lastRun?: LastRun;
  /** Delivered since the last run ended: credited to the next run report. */
  delivered: { created: number; updated: number };
  totals: SourceReport['totals'];
  errors: SourceReport['errors'];
}

/**
 * An update server: runs every source (polled on schedule, streams with a StreamContext), one
 * outbox, dedupe state and broker writer per source, each writing with its own key.
 *
 * @example
 * const updater = createUpdater({
 *   sources: [weather],
 *   broker: { url: 'http://localhost:1026', keyFor: (id) => keys[id] },
 *   dataDir: '.legocity/updaters',
 *   logger,
 * });
 * await updater.start();
 * process.on('SIGTERM', () => void updater.stop());
 */
export function createUpdater(options: UpdaterOptions): Updater {
  const now = options.now ?? Date.now;
  const states: SourceState[] = [];
  let freshnessTimer: NodeJS.Timeout | undefined;
  assertUniqueIds(options.sources);

  function recordError(state: SourceState, error: UpdaterError) {
    const entry = (state.errors[error.kind] ??= {
      retryable: 0,
      permanent: 0,
      lastMessage: '',
      lastAt: '',
    });
    if (error.isRetryable) entry.retryable += 1;
    else entry.permanent += 1;
    entry.lastMessage = error.message;
    entry.lastAt = new Date(now()).toISOString();
    options.metrics?.countError(state.source.id, error);
  }

  function count(state: SourceState, outcome: keyof SourceReport['totals'], n: number) {
    state.totals[outcome] += n;
    options.metrics?.countEntities(state.source.id, outcome, n);
  }

  async function openSource(source: Source): Promise<SourceState> {
    const log = options.logger.child({ sourceId: source.id });
    const dir = { dataDir: options.dataDir, sourceId: source.id, log };
    const outbox = await openOutbox({ ...dir, ...options.outbox, now });
    const dedupe = await openDedupe(dir);
    const client = createBrokerClient({
      baseUrl: options.broker.url,
      ...(options.broker.tenant !== undefined && { tenant: options.broker.tenant }),
      apiKey: options.broker.keyFor(source.id),
      ...(options.broker.timeoutMs !== undefined && { timeoutMs: options.broker.timeoutMs }),
      // Short in-client retries; the writer retries forever with its own backoff.
      retry: { attempts: 2, baseDelayMs: 100, maxDelayMs: 2_000 },
      userAgent: 'legocity-updater',
    });
    const state: SourceState = {
      source,
      log,
      outbox,
      dedupe,
      freshness: createFreshness({
        sourceId: source.id,
        periodMs: source.periodMs,
        graceMs: source.graceMs,
        startedAt: now(),
        log,
        now,
      }),
      delivered: { created: 0, updated: 0 },
      totals: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
      errors: {},
      writer: undefined as unknown as BrokerWriter,
    };
    state.writer = createBrokerWriter({
      sourceId: source.id,
      outbox,
      client,
      deadLetterPath: join(options.dataDir, source.id, 'rejected.jsonl'),
      log,
      ...options.writer,
      onDelivered({ created, updated }) {
        count(state, 'created', created);
        count(state, 'updated', updated);
        const target = state.lastRun ?? state.delivered;
        target.created += created;
        target.updated += updated;
      },
      onRejected(rejected) {
        count(state, 'rejected', rejected.length);
        if (state.lastRun) state.lastRun.rejected += rejected.length;
        for (const item of rejected) dedupe.forget(item.entity.id);
        const first = rejected[0];
        recordError(
          state,
          new PermanentError(
            'broker-rejected',
            `Broker refused ${rejected.length} entities, first ${first?.entity.id}: ${first?.error.title ?? ''}`,
          ),
        );
      },
      onError: (error) => recordError(state, error),
    });
    return state;
  }

  function startPolled(state: SourceState) {
    if (state.source.kind !== 'polled') return;
    const source = state.source;
    state.runner = createPolledRunner({
      source,
      log: state.log,
      now,
      ...(options.http && { http: options.http }),
      write: (entities) =>
        writeEntities(entities, {
          ...source,
          dedupe: state.dedupe,
          outbox: state.outbox,
          partial: false,
        }),
      onRun(run: RunReport) {
        if (run.ok) state.freshness.succeeded(run.startedAt + run.durationMs);
        count(state, 'unchanged', run.unchanged);
        count(state, 'rejected', run.rejected);
        options.metrics?.observeRun(source.id, run.durationMs);
        state.lastRun = {
          startedAt: new Date(run.startedAt).toISOString(),
          durationMs: run.durationMs,
          ok: run.ok,
          created: state.delivered.created,
          updated: state.delivered.updated,
          unchanged: run.unchanged,
          rejected: run.rejected,
        };
        state.delivered = { created: 0, updated: 0 };
      },
      onError: (error) => recordError(state, error),
    });
    state.runner.start();
  }

  async function startStream(state: SourceState) {
    if (state.source.kind !== 'stream') return;
    const source = state.source;
    state.streamAbort = new AbortController();
    const context: StreamContext = {
      sourceId: source.id,
      signal: state.streamAbort.signal,
      log: state.log,
      now: () => new Date(now()),
      async write(entities: EntityBody[]) {
        const report = await writeEntities(entities, {
          ...source,
          dedupe: state.dedupe,
          outbox: state.outbox,
          partial: true,
        });
        if (report.rejected < entities.length) state.freshness.succeeded();
        count(state, 'unchanged', report.unchanged);
        count(state, 'rejected', report.rejected);
        const outcome = {
          queued: report.queued,
          unchanged: report.unchanged,
          rejected: report.rejected,
        };
        if (report.problems.length > 0) {
          const error = new PermanentError('contract', report.problems.join('; '));
          recordError(state, error);
          throw Object.assign(error, { outcome });
        }
        return outcome;
      },
      reportError: (error) => recordError(state, toUpdaterError(error)),
    };
    await source.start(context);
  }

  function reportOf(state: SourceState): SourceReport {
    const { source } = state;
    const lastSuccessAt = state.freshness.lastSuccessAt;
    const ready = source.kind === 'stream' ? source.ready?.() : undefined;
    return {
      id: source.id,
      title: source.title,
      kind: source.kind,
      staleness: state.freshness.check(),
      ...(lastSuccessAt !== undefined && { lastSuccessAt: new Date(lastSuccessAt).toISOString() }),
      ...(state.lastRun && { lastRun: { ...state.lastRun } }),
      totals: { ...state.totals },
      errors: structuredClone(state.errors),
      outbox: { pending: state.outbox.pending(), oldestAgeMs: state.outbox.oldestAgeMs() },
      ...(ready && { ready }),
    };
  }

  const updater: Updater = {
    async start() {
      for (const source of options.sources) states.push(await openSource(source));
      options.metrics?.readReports(() => updater.report());
      for (const state of states) {
        state.writer.start();
        startPolled(state);
        await startStream(state);
      }
      const checkMs = options.freshnessCheckMs ?? defaultCheckMs(options.sources);
      freshnessTimer = setInterval(() => {
        for (const state of states) state.freshness.check();
      }, checkMs);
      freshnessTimer.unref();
      options.logger.info(
        { sources: options.sources.map((source) => source.id) },
        `Updater started with ${states.length} source(s)`,
      );
    },

    async stop() {
      clearInterval(freshnessTimer);
      await Promise.all(
        states.map(async (state) => {
          await state.runner?.stop();
          state.streamAbort?.abort();
          if (state.source.kind === 'stream') await state.source.stop();
        }),
      );
      await Promise.all(
        states.map((state) => Promise.all([state.outbox.flush(), state.dedupe.flush()])),
      );
      await Promise.all(states.map((state) => state.writer.stop()));
      await Promise.all(
        states.map((state) => Promise.all([state.outbox.close(), state.dedupe.close()])),
      );
      states.length = 0;
      options.logger.info('Updater stopped');
    },

    report: () => states.map(reportOf),
  };
  return updater;
}

/** Often enough to see a transition within a fraction of the shortest period or grace. */
function defaultCheckMs(sources: Source[]): number {
  const shortest = Math.min(...sources.map((source) => Math.min(source.periodMs, source.graceMs)));
  return Math.min(5_000, Math.max(50, Math.floor(shortest / 4)));
}

function assertUniqueIds(sources: Source[]) {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(source.id)) {
      problems.push(
        `source id ${JSON.stringify(source.id)} must be lower-case letters, digits and dashes`,
      );
    }
    if (seen.has(source.id)) problems.push(`source id ${source.id} is used twice`);
    seen.add(source.id);
  }
  if (problems.length > 0)
    throw new TypeError(`Updater options are invalid: ${problems.join('; ')}`);
}
