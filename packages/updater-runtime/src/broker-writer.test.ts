import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrokerError, type BatchResult, type EntityBody } from '@legocity/broker-client';
import { createLogger } from '@legocity/observability';
import { batchRounds, createBrokerWriter, type UpsertClient } from './broker-writer.js';
import type { UpdaterError } from './errors.js';
import { openOutbox, type Outbox } from './outbox.js';

const log = createLogger({ component: 'test', version: 'test', commit: 'test', level: 'silent' });
const entity = (n: number, attrs: Record<string, unknown> = {}): EntityBody => ({
  id: `urn:ngsi-ld:Thing:${n}`,
  type: 'Thing',
  ...attrs,
});

function brokerError(status: number, reason: 'http' | 'network' = 'http') {
  return new BrokerError(`POST /ngsi-ld/v1/entityOperations/upsert failed: ${status}`, {
    reason,
    status,
    method: 'POST',
    path: '/ngsi-ld/v1/entityOperations/upsert',
    attempts: 1,
  });
}

/** A client answering from a script: an error to throw, or a function of the batch. */
function scriptedClient(script: Array<Error | ((batch: EntityBody[]) => BatchResult)>) {
  const calls: EntityBody[][] = [];
  const client: UpsertClient = {
    upsertEntities(batch) {
      calls.push(batch);
      const step =
        script.shift() ?? ((b: EntityBody[]) => ({ success: b.map((e) => e.id), errors: [] }));
      return step instanceof Error ? Promise.reject(step) : Promise.resolve(step(batch));
    },
  };
  return { client, calls };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

let dataDir: string;
let outbox: Outbox;
let stop: (() => Promise<void>) | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'legocity-writer-'));
  outbox = await openOutbox({ dataDir, sourceId: 's' });
});
afterEach(async () => {
  await stop?.();
  stop = undefined;
  await outbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

function startWriter(
  client: UpsertClient,
  extra: Partial<Parameters<typeof createBrokerWriter>[0]> = {},
) {
  const events = {
    delivered: [] as Array<{ created: number; updated: number }>,
    errors: [] as UpdaterError[],
    rejected: [] as string[],
    waits: [] as number[],
  };
  const writer = createBrokerWriter({
    sourceId: 's',
    outbox,
    client,
    deadLetterPath: join(dataDir, 's', 'rejected.jsonl'),
    log,
    retry: { baseDelayMs: 100, maxDelayMs: 1_000 },
    authRetryMs: 5_000,
    random: () => 1,
    sleep: (ms) => {
      if (ms > 10) events.waits.push(ms);
      return new Promise((resolve) => setTimeout(resolve, 1));
    },
    onDelivered: (event) => events.delivered.push(event),
    onError: (error) => events.errors.push(error),
    onRejected: (items) => events.rejected.push(...items.map((item) => item.entity.id)),
    ...extra,
  });
  writer.start();
  stop = () => writer.stop();
  return events;
}

describe('createBrokerWriter', () => {
  it('upserts in batches, merging fragments of one entity, and counts created and updated', async () => {
    const { client, calls } = scriptedClient([
      (batch) => ({ success: batch.map((e) => e.id), errors: [], created: [batch[0]!.id] }),
    ]);
    await outbox.enqueue([entity(1, { a: 1 }), entity(2), entity(1, { b: 2 })]);
    const events = startWriter(client, { batchSize: 10 });
    await until(() => outbox.pending() === 0);
    expect(calls).toEqual([[entity(1, { a: 1, b: 2 }), entity(2)]]);
    expect(events.delivered).toEqual([{ created: 1, updated: 1 }]);
  });

  it('retries a broker outage with growing backoff and loses nothing', async () => {
    const { client, calls } = scriptedClient([
      brokerError(0, 'network'),
      brokerError(503),
      brokerError(500),
    ]);
    await outbox.enqueue([entity(1), entity(2)]);
    const events = startWriter(client);
    await until(() => outbox.pending() === 0);
    expect(calls).toHaveLength(4);
    expect(calls.at(-1)).toEqual([entity(1), entity(2)]);
    expect(events.errors.map((e) => e.kind)).toEqual(['network', 'http-5xx', 'http-5xx']);
    expect(events.waits).toEqual([100, 200, 400]);
  });

  it('keeps the data on 401/403, reports a permanent auth error and retries slowly', async () => {
    const { client } = scriptedClient([brokerError(401), brokerError(403)]);
    await outbox.enqueue([entity(1)]);
    const events = startWriter(client);
    await until(() => outbox.pending() === 0);
    expect(events.errors.map((e) => [e.kind, e.isRetryable])).toEqual([
      ['auth', false],
      ['auth', false],
    ]);
    expect(events.waits).toEqual([5_000, 5_000]);
    expect(events.delivered).toHaveLength(1);
  });

  it('moves entities refused in a 207 to rejected.jsonl and acks the rest', async () => {
    const problem = {
      type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData',
      title: 'Bad',
      status: 400,
      detail: 'x',
    };
    const { client } = scriptedClient([
      () => ({ success: [entity(1).id], errors: [{ entityId: entity(2).id, error: problem }] }),
    ]);
    await outbox.enqueue([entity(1), entity(2)]);
    const events = startWriter(client);
    await until(() => outbox.pending() === 0);
    expect(events.rejected).toEqual([entity(2).id]);
    const lines = (await readFile(join(dataDir, 's', 'rejected.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toMatchObject([
      { entity: entity(2), error: problem },
    ]);
  });

  it('isolates the entity that makes the broker refuse a whole batch', async () => {
    const bad = entity(2, { broken: true });
    const client: UpsertClient = {
      upsertEntities(batch) {
        if (batch.some((e) => e.broken)) return Promise.reject(brokerError(400));
        return Promise.resolve({ success: batch.map((e) => e.id), errors: [] });
      },
    };
    await outbox.enqueue([entity(1), bad, entity(3)]);
    const events = startWriter(client);
    await until(() => outbox.pending() === 0);
    expect(events.rejected).toEqual([bad.id]);
    expect(events.delivered).toEqual([
      { created: 0, updated: 1 },
      { created: 0, updated: 1 },
    ]);
  });
});

describe('batchRounds', () => {
  it('merges fragments of one entity that set different attributes, in order of first appearance', () => {
    expect(batchRounds([entity(1, { a: 1 }), entity(2), entity(1, { b: 2 })])).toEqual([
      [entity(1, { a: 1, b: 2 }), entity(2)],
    ]);
  });

  it('sends an attribute set again in a later round, so no observation is merged away', () => {
    const rounds = batchRounds([
      entity(1, { a: 1 }),
      entity(1, { a: 2 }),
      entity(2, { a: 1 }),
      entity(1, { a: 3, b: 1 }),
      entity(1, { c: 1 }),
    ]);
    expect(rounds).toEqual([
      [entity(1, { a: 1 }), entity(2, { a: 1 })],
      [entity(1, { a: 2 })],
      [entity(1, { a: 3, b: 1, c: 1 })],
    ]);
  });
});
