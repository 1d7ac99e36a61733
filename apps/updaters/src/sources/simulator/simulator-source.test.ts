import { createLogger } from '@legocity/observability';
import type { FetchContext, TransformContext } from '@legocity/updater-runtime';
import { describe, expect, it } from 'vitest';
import { daNang } from './city/da-nang.js';
import { simulateCity, POLLED_ENTITY_TYPES } from './simulate-city.js';
import { createSimulatorSource } from './simulator-source.js';

const log = createLogger({
  component: 'test',
  version: '0',
  commit: 'test',
  destination: { write: () => undefined },
});
const origin = new Date('2025-10-20T00:00:00Z');

function contextAt(now: Date): FetchContext & TransformContext {
  return {
    sourceId: 'simulator',
    signal: new AbortController().signal,
    log,
    now: () => now,
    get: () => Promise.reject(new Error('the simulator never uses the network')),
    setTtl: () => undefined,
  };
}

describe('createSimulatorSource', () => {
  const config = { seed: 2025, every: 10_000, speed: 60 };

  it('declares a polled source of seven types with a contract each', () => {
    const source = createSimulatorSource(config, { origin });
    expect(source).toMatchObject({
      kind: 'polled',
      id: 'simulator',
      schedule: { every: 10_000 },
      periodMs: 10_000,
    });
    expect(source.entityTypes).toEqual([...POLLED_ENTITY_TYPES]);
    expect(source.contracts.map((contract) => contract.type)).toEqual([...POLLED_ENTITY_TYPES]);
  });

  it('fetches the simulated instant, SPEED times faster than real time, in whole seconds', async () => {
    const source = createSimulatorSource(config, { origin });
    const raw = await source.fetch(contextAt(new Date(origin.getTime() + 60_500)));
    expect(raw).toEqual({ at: '2025-10-20T01:00:30.000Z' });
  });

  it('transforms an instant into the city at that instant, the same every time', async () => {
    const source = createSimulatorSource(config, { origin });
    const context = contextAt(origin);
    const first = await source.transform({ at: '2025-10-20T01:00:30.000Z' }, context);
    expect(first).toEqual(await source.transform({ at: '2025-10-20T01:00:30.000Z' }, context));
    expect(first).toEqual(
      simulateCity({ city: daNang, seed: 2025, at: new Date('2025-10-20T01:00:30.000Z') }),
    );
  });
});
