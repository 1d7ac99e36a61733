import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityBody } from '@legocity/broker-client';
import { openDedupe, type Dedupe } from './dedupe.js';

const ID = 'urn:ngsi-ld:WeatherObserved:ws-1';
function reading(
  temperature: number,
  observedAt?: string,
  extra: Record<string, unknown> = {},
): EntityBody {
  return {
    id: ID,
    type: 'WeatherObserved',
    temperature: { type: 'Property', value: temperature, ...(observedAt && { observedAt }) },
    ...extra,
  };
}

let dataDir: string;
let dedupe: Dedupe;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'legocity-dedupe-'));
  dedupe = await openDedupe({ dataDir, sourceId: 'weather', snapshotDelayMs: 10 });
});
afterEach(async () => {
  await dedupe.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** filter then remember, as the runtime does once the outbox stored them. */
function write(entities: EntityBody[]) {
  const result = dedupe.filter(entities);
  dedupe.remember(result.changed);
  return result;
}

describe('openDedupe', () => {
  it('keeps what it has not seen and drops an exact replay', () => {
    expect(write([reading(20, '2025-01-01T10:00:00Z')]).changed).toHaveLength(1);
    expect(write([reading(20, '2025-01-01T10:00:00Z')])).toEqual({ changed: [], unchanged: 1 });
  });

  it('drops observations not newer than the last one, whatever their value', () => {
    write([reading(20, '2025-01-01T10:00:00Z')]);
    expect(write([reading(25, '2025-01-01T09:00:00Z')]).unchanged).toBe(1);
    expect(write([reading(25, '2025-01-01T10:00:00Z')]).unchanged).toBe(1);
  });

  it('keeps the same value with a newer observedAt: it is a new observation', () => {
    write([reading(20, '2025-01-01T10:00:00Z')]);
    expect(write([reading(20, '2025-01-01T10:05:00Z')]).changed).toHaveLength(1);
  });

  it('without observedAt, keeps a changed value and drops the same one', () => {
    write([reading(20)]);
    expect(write([reading(20)]).unchanged).toBe(1);
    expect(write([reading(21)]).changed).toHaveLength(1);
  });

  it('drops only the attributes that changed nothing', () => {
    const name = { type: 'Property', value: 'Station 1' };
    write([reading(20, '2025-01-01T10:00:00Z', { name })]);
    const { changed } = write([reading(21, '2025-01-01T10:05:00Z', { name })]);
    expect(changed).toEqual([reading(21, '2025-01-01T10:05:00Z')]);
  });

  it('ignores member order when comparing values', () => {
    write([{ id: ID, type: 'T', a: { type: 'Property', value: { x: 1, y: 2 } } }]);
    const again = { id: ID, type: 'T', a: { value: { y: 2, x: 1 }, type: 'Property' } };
    expect(write([again]).unchanged).toBe(1);
  });

  it('compares messages for one entity within one call', () => {
    const { changed } = write([
      reading(20, '2025-01-01T10:00:00Z'),
      reading(20, '2025-01-01T10:00:00Z'),
    ]);
    expect(changed).toHaveLength(1);
  });

  it('remembers nothing until told to', () => {
    dedupe.filter([reading(20)]);
    expect(dedupe.filter([reading(20)]).changed).toHaveLength(1);
  });

  it('writes an entity again once forgotten', () => {
    write([reading(20)]);
    dedupe.forget(ID);
    expect(write([reading(20)]).changed).toHaveLength(1);
  });

  it('remembers across a restart, so replaying 10,000 messages changes nothing', async () => {
    const messages = Array.from({ length: 10_000 }, (_, i) => ({
      id: `urn:ngsi-ld:Sensor:${i % 100}`,
      type: 'Sensor',
      level: {
        type: 'Property',
        value: i,
        observedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
      },
    }));
    expect(write(messages).changed).toHaveLength(10_000);
    await dedupe.close();
    dedupe = await openDedupe({ dataDir, sourceId: 'weather' });
    expect(write(messages)).toEqual({ changed: [], unchanged: 10_000 });
  });

  it('starts empty when the snapshot is unreadable', async () => {
    await dedupe.close();
    await writeFile(join(dataDir, 'weather', 'dedupe.json'), '{torn');
    dedupe = await openDedupe({ dataDir, sourceId: 'weather' });
    expect(write([reading(20)]).changed).toHaveLength(1);
  });
});
