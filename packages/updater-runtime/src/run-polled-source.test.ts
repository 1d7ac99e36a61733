import { afterEach, describe, expect, it } from 'vitest';
import type { EntityBody } from '@legocity/broker-client';
import { createLogger } from '@legocity/observability';
import { RetryableError, type UpdaterError } from './errors.js';
import { sendJson, startFixtureServer } from './http-fixture.test-support.js';
import { createPolledRunner, type PolledRunner, type RunReport } from './run-polled-source.js';
import type { PolledSource } from './source.js';
import type { WriteReport } from './write-entities.js';

const log = createLogger({ component: 't', version: 't', commit: 't', level: 'silent' });

function source(overrides: Partial<PolledSource> = {}): PolledSource {
  return {
    kind: 'polled',
    id: 'things',
    title: 'Things',
    entityTypes: ['Thing'],
    contracts: [],
    periodMs: 1_000,
    graceMs: 1_000,
    schedule: { every: 1_000 },
    fetch: () => Promise.resolve([1, 2]),
    transform: (raw) =>
      (raw as number[]).map((n) => ({ id: `urn:ngsi-ld:Thing:${n}`, type: 'Thing' })),
    ...overrides,
  };
}

let runner: PolledRunner | undefined;
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

function setup(src: PolledSource, write?: (entities: EntityBody[]) => Promise<WriteReport>) {
  const written: EntityBody[][] = [];
  const runs: RunReport[] = [];
  const errors: UpdaterError[] = [];
  const waits: number[] = [];
  runner = createPolledRunner({
    source: src,
    log,
    write:
      write ??
      ((entities) => {
        written.push(entities);
        return Promise.resolve({
          queued: entities.length,
          unchanged: 0,
          rejected: 0,
          problems: [],
        });
      }),
    sleep: (ms, signal) => {
      waits.push(ms);
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, 1);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    http: { retry: { attempts: 1 } },
    onRun: (run) => runs.push(run),
    onError: (error) => errors.push(error),
  });
  return { runner, written, runs, errors, waits };
}

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe('createPolledRunner', () => {
  it('fetches, transforms and writes, and reports the run', async () => {
    const { runner, written } = setup(source());
    const run = await runner.runOnce();
    expect(written).toEqual([
      [
        { id: 'urn:ngsi-ld:Thing:1', type: 'Thing' },
        { id: 'urn:ngsi-ld:Thing:2', type: 'Thing' },
      ],
    ]);
    expect(run).toMatchObject({ ok: true, queued: 2, unchanged: 0, rejected: 0 });
  });

  it('runs at once, then again on its interval, never overlapping', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const slow = source({
      schedule: { every: 1 },
      fetch: async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return [1];
      },
    });
    const { runner, runs } = setup(slow);
    runner.start();
    await until(() => runs.length >= 3);
    expect(maxInFlight).toBe(1);
  });

  it('waits out the TTL the source sets before running again', async () => {
    const { runner, runs, waits } = setup(
      source({
        schedule: { every: 10 },
        fetch: (context) => {
          context.setTtl(60);
          return Promise.resolve([1]);
        },
      }),
    );
    runner.start();
    await until(() => runs.length >= 1 && waits.length >= 1);
    expect(waits[0]).toBeGreaterThan(50_000);
  });

  it('computes the next run of a cron schedule in UTC', async () => {
    const { runner, waits } = setup(source({ schedule: { cron: '0 0 * * *' } }));
    runner.start();
    await until(() => waits.length >= 1);
    const nextMidnight = new Date();
    nextMidnight.setUTCHours(24, 0, 0, 0);
    expect(Math.abs(waits[0]! - (nextMidnight.getTime() - Date.now()))).toBeLessThan(5_000);
  });

  it('classifies a failing fetch and reports it, retryable or permanent', async () => {
    const fixture = await startFixtureServer((_request, response) => sendJson(response, 503, {}));
    try {
      const { runner, errors } = setup(
        source({
          fetch: async (context) => (await context.get(`${fixture.url}/x?key=secret`)).body,
        }),
      );
      const run = await runner.runOnce();
      expect(run.ok).toBe(false);
      expect(errors.map((e) => [e.kind, e.isRetryable])).toEqual([['http-5xx', true]]);
      expect(errors[0]!.message).not.toContain('secret');
    } finally {
      await fixture.close();
    }
  });

  it('reports a transform that throws as a permanent transform error', async () => {
    const { runner, errors } = setup(
      source({
        transform: () => {
          throw new TypeError('unexpected shape');
        },
      }),
    );
    await runner.runOnce();
    expect(errors.map((e) => [e.kind, e.isRetryable, e.message])).toEqual([
      ['transform', false, 'unexpected shape'],
    ]);
  });

  it('reports contract problems and still counts the run a success', async () => {
    const { runner, errors } = setup(source(), () =>
      Promise.resolve({
        queued: 1,
        unchanged: 0,
        rejected: 1,
        problems: ['urn:ngsi-ld:Thing:2 n: value must be a number, got "x"'],
      }),
    );
    const run = await runner.runOnce();
    expect(run).toMatchObject({ ok: true, rejected: 1 });
    expect(errors.map((e) => [e.kind, e.message])).toEqual([
      ['contract', 'urn:ngsi-ld:Thing:2 n: value must be a number, got "x"'],
    ]);
  });

  it('passes on a full outbox as a retryable error', async () => {
    const { runner, errors } = setup(source(), () =>
      Promise.reject(new RetryableError('outbox-full')),
    );
    const run = await runner.runOnce();
    expect(run.ok).toBe(false);
    expect(errors.map((e) => e.kind)).toEqual(['outbox-full']);
  });
});
