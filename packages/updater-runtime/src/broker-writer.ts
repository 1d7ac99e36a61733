import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BatchEntityError, BatchResult, EntityBody } from '@legocity/broker-client';
import { isBrokerError } from '@legocity/broker-client';
import type { Logger } from '@legocity/observability';
import { backoffDelay, sleep as realSleep, type Sleep } from './backoff.js';
import { PermanentError, RetryableError, type UpdaterError } from './errors.js';
import type { Outbox } from './outbox.js';

export const DEFAULT_BATCH_SIZE = 500;

/** The part of a BrokerClient the writer uses. */
export interface UpsertClient {
  upsertEntities(
    entities: EntityBody[],
    options?: { mode?: 'update' | 'replace' },
  ): Promise<BatchResult>;
}

/** A batch the broker accepted. */
export interface DeliveredEvent {
  created: number;
  updated: number;
}

/** Entities the broker refused one by one (moved to the dead-letter file). */
export interface RejectedEntity {
  entity: EntityBody;
  error: BatchEntityError['error'];
}

export interface BrokerWriterOptions {
  sourceId: string;
  outbox: Outbox;
  client: UpsertClient;
  /** `<dataDir>/<sourceId>/rejected.jsonl`: one line per refused entity, with the reason. */
  deadLetterPath: string;
  /** Entities per upsert; default 500. */
  batchSize?: number;
  /** Backoff between failed upserts; default 500 ms doubling up to 30 s. */
  retry?: { baseDelayMs: number; maxDelayMs: number };
  /** Wait after a 401/403 before trying again (the key may be fixed meanwhile); default 60 s. */
  authRetryMs?: number;
  /** Bound to the source (`logger.child({ sourceId })`). */
  log: Logger;
  onDelivered?: (event: DeliveredEvent) => void;
  onRejected?: (rejected: RejectedEntity[]) => void;
  onError?: (error: UpdaterError) => void;
  sleep?: Sleep;
  random?: () => number;
}

export interface BrokerWriter {
  /** Start draining the outbox in the background. */
  start(): void;
  /** Stop after the upsert in flight (data not acked stays in the outbox). */
  stop(): Promise<void>;
}

/**
 * Drains one source's outbox into the broker with its own write key: batches of up to
 * `batchSize` entities, fragments of one entity merged where they set different attributes
 * (batchRounds: no observation is lost to a merge), upserted with `options=update` so attributes other sources wrote are kept.
 *
 * Failures: network errors, timeouts, 5xx and 429 are retried forever with capped backoff and
 * jitter; 401/403 keep the data, are reported as a permanent 'auth' error and retried every
 * `authRetryMs`; entities the broker refuses one by one (a 207 BatchOperationResult, or a 400 for
 * the batch, then isolated by sending its entities singly) go to the dead-letter file and are
 * reported — the rest of the batch is acked. Nothing leaves the outbox before the broker has it.
 *
 * @example
 * const writer = createBrokerWriter({ sourceId, outbox, client, deadLetterPath, log });
 * writer.start();
 */
export function createBrokerWriter(options: BrokerWriterOptions): BrokerWriter {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const retry = options.retry ?? { baseDelayMs: 500, maxDelayMs: 30_000 };
  const authRetryMs = options.authRetryMs ?? 60_000;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const { outbox, log, sourceId } = options;
  let controller: AbortController | undefined;
  let running: Promise<void> | undefined;

  async function loop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    // Rounds of the batch read last that the broker does not have yet (kept across retries, so
    // a round already written is not written again).
    let rounds: EntityBody[][] = [];
    let roundsUpTo: Parameters<Outbox['ack']>[0] | undefined;
    while (!signal.aborted) {
      if (rounds.length === 0) {
        await outbox.whenPending(signal);
        if (signal.aborted) return;
        const { entities, upTo } = await outbox.peek(batchSize);
        if (entities.length === 0) {
          // Pending but nothing handed out (a closed segment is being left): ask again.
          await sleep(10, signal);
          continue;
        }
        rounds = batchRounds(entities);
        roundsUpTo = upTo;
      }
      let failure: UpdaterError | undefined;
      while (rounds.length > 0 && failure === undefined) {
        failure = await deliver(rounds[0] ?? []);
        if (failure === undefined) rounds.shift();
      }
      if (failure === undefined) {
        failures = 0;
        if (roundsUpTo !== undefined) await outbox.ack(roundsUpTo);
        continue;
      }
      failures += 1;
      options.onError?.(failure);
      const delayMs =
        failure.kind === 'auth'
          ? authRetryMs
          : (failure.retryAfterMs ?? backoffDelay(failures, retry, random));
      log.warn(
        { kind: failure.kind, pending: outbox.pending(), delayMs, err: failure },
        `Writing ${sourceId} to the broker failed (${failure.kind}); retrying in ${delayMs} ms`,
      );
      await sleep(delayMs, signal);
    }
  }

  /** Upsert a batch; undefined when it is done with (delivered or dead-lettered). */
  async function deliver(batch: EntityBody[]): Promise<UpdaterError | undefined> {
    let result: BatchResult;
    try {
      result = await options.client.upsertEntities(batch, { mode: 'update' });
    } catch (error) {
      const failure = classify(error);
      if (failure.kind === 'broker-rejected' && batch.length > 1) return deliverOneByOne(batch);
      if (failure.kind === 'broker-rejected') {
        const problem = isBrokerError(error) ? error.problem : undefined;
        await reject([
          {
            entity: batch[0] as EntityBody,
            error: problem ?? {
              type: 'about:blank',
              title: failure.message,
              status: 400,
              detail: '',
            },
          },
        ]);
        return undefined;
      }
      return failure;
    }
    const created = result.created?.length ?? 0;
    const succeeded = result.success.length;
    options.onDelivered?.({ created, updated: Math.max(0, succeeded - created) });
    if (result.errors.length > 0) {
      const byId = new Map(batch.map((entity) => [entity.id, entity]));
      await reject(
        result.errors.map((error) => ({
          entity: byId.get(error.entityId) ?? { id: error.entityId, type: 'unknown' },
          error: error.error,
        })),
      );
    }
    return undefined;
  }

  async function deliverOneByOne(batch: EntityBody[]): Promise<UpdaterError | undefined> {
    for (const entity of batch) {
      const failure = await deliver([entity]);
      // Entities already sent are sent again on the retry: update-mode upserts are idempotent.
      if (failure) return failure;
    }
    return undefined;
  }

  async function reject(rejected: RejectedEntity[]): Promise<void> {
    await mkdir(dirname(options.deadLetterPath), { recursive: true });
    const at = new Date().toISOString();
    const lines = rejected.map((item) => `${JSON.stringify({ at, ...item })}\n`).join('');
    await appendFile(options.deadLetterPath, lines);
    for (const item of rejected) {
      log.error(
        { entityId: item.entity.id, problem: item.error },
        `Broker refused entity ${item.entity.id}: ${item.error.title}${item.error.detail ? ` — ${item.error.detail}` : ''}; moved to rejected.jsonl`,
      );
    }
    options.onRejected?.(rejected);
  }

  return {
    start() {
      if (running) return;
      controller = new AbortController();
      running = loop(controller.signal).catch((error: unknown) => {
        log.error({ err: error, sourceId }, `Broker writer of ${sourceId} stopped on an error`);
      });
    },
    async stop() {
      controller?.abort();
      await running;
      running = undefined;
    },
  };
}

/**
 * A batch read from the outbox as the upserts to send, in order. Fragments of one entity that set
 * different attributes are merged into one item (fewer writes); a fragment that sets an attribute
 * again goes to the next round, so every observation reaches the broker — and its temporal
 * history — in the order it was made. Items keep the order of their first appearance.
 * @example batchRounds([{ id: 'a', type: 'T', x: 1 }, { id: 'a', type: 'T', y: 2 }, { id: 'a', type: 'T', x: 3 }])
 * // [[{ id: 'a', type: 'T', x: 1, y: 2 }], [{ id: 'a', type: 'T', x: 3 }]]
 */
export function batchRounds(entities: readonly EntityBody[]): EntityBody[][] {
  const rounds: Map<string, EntityBody>[] = [];
  const latestRound = new Map<string, number>();
  for (const entity of entities) {
    let index = latestRound.get(entity.id) ?? 0;
    const previous = rounds[index]?.get(entity.id);
    const setsAgain =
      previous !== undefined &&
      Object.keys(entity).some((name) => name !== 'id' && name !== 'type' && name in previous);
    if (setsAgain) index += 1;
    const round = rounds[index] ?? new Map<string, EntityBody>();
    rounds[index] = round;
    const merged = setsAgain ? undefined : previous;
    round.set(entity.id, merged ? { ...merged, ...entity } : { ...entity });
    latestRound.set(entity.id, index);
  }
  return rounds.map((round) => [...round.values()]);
}

/** Broker failures as the runtime's errors. */
function classify(error: unknown): UpdaterError {
  if (!isBrokerError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new RetryableError('network', message, { cause: error });
  }
  const { status, reason, message } = error;
  if (reason === 'timeout') return new RetryableError('timeout', message);
  if (reason === 'network') return new RetryableError('network', message);
  if (status === 401 || status === 403) return new PermanentError('auth', message);
  if (status === 429) return new RetryableError('rate-limited', message);
  if (status >= 500 || status === 408 || reason === 'invalid-response') {
    return new RetryableError(status >= 500 ? 'http-5xx' : 'broker', message);
  }
  // 400, 409, 413, 422…: something in the batch itself; isolate it entity by entity.
  return new PermanentError('broker-rejected', message);
}
