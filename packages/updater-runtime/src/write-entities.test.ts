import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityBody } from '@legocity/broker-client';
import { openDedupe, type Dedupe } from './dedupe.js';
import { openOutbox, type Outbox } from './outbox.js';
import type { EntityContract } from './source.js';
import { writeEntities, type WriteEntitiesContext } from './write-entities.js';

const contract: EntityContract = {
  type: 'Sensor',
  version: '1.0.0',
  idPattern: 'urn:ngsi-ld:Sensor:\\d+',
  attributes: [
    { name: 'level', kind: 'Property', valueType: 'number', required: true },
    { name: 'name', kind: 'Property', valueType: 'string', required: true },
  ],
};
const sensor = (n: number, level: unknown): EntityBody =>
  ({
    id: `urn:ngsi-ld:Sensor:${n}`,
    type: 'Sensor',
    level: { type: 'Property', value: level },
  }) as EntityBody;

let dataDir: string;
let outbox: Outbox;
let dedupe: Dedupe;
let context: WriteEntitiesContext;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'legocity-write-'));
  outbox = await openOutbox({ dataDir, sourceId: 's' });
  dedupe = await openDedupe({ dataDir, sourceId: 's' });
  context = { entityTypes: ['Sensor'], contracts: [contract], dedupe, outbox, partial: true };
});
afterEach(async () => {
  await outbox.close();
  await dedupe.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('writeEntities', () => {
  it('queues valid entities, refuses invalid ones and lists why', async () => {
    const report = await writeEntities([sensor(1, 3), sensor(2, 'high')], context);
    expect(report).toEqual({
      queued: 1,
      unchanged: 0,
      rejected: 1,
      problems: ['urn:ngsi-ld:Sensor:2 level: value must be a number, got "high"'],
    });
    expect(outbox.pending()).toBe(1);
  });

  it('refuses types the source does not declare', async () => {
    const other = { id: 'urn:ngsi-ld:Room:1', type: 'Room' };
    const report = await writeEntities([other], context);
    expect(report.problems).toEqual(['urn:ngsi-ld:Room:1: type must be one of Sensor, got "Room"']);
  });

  it('checks required attributes of full entities', async () => {
    const report = await writeEntities([sensor(1, 3)], { ...context, partial: false });
    expect(report.problems).toEqual(['urn:ngsi-ld:Sensor:1 name: is required']);
  });

  it('counts a replay as unchanged and queues nothing', async () => {
    await writeEntities([sensor(1, 3)], context);
    const report = await writeEntities([sensor(1, 3)], context);
    expect(report).toMatchObject({ queued: 0, unchanged: 1 });
    expect(outbox.pending()).toBe(1);
  });
});
