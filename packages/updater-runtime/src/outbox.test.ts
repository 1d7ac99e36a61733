import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, appendFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityBody } from '@legocity/broker-client';
import { RetryableError } from './errors.js';
import { openOutbox, type Outbox } from './outbox.js';

const entity = (n: number): EntityBody => ({
  id: `urn:ngsi-ld:Thing:${n}`,
  type: 'Thing',
  n: { type: 'Property', value: n },
});
const range = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => entity(from + i));
const ids = (entities: EntityBody[]) => entities.map((e) => Number(e.id.split(':').pop()));

let dataDir: string;
const opened: Outbox[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'legocity-outbox-'));
});
afterEach(async () => {
  for (const outbox of opened.splice(0)) await outbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function open(options: Partial<Parameters<typeof openOutbox>[0]> = {}) {
  const outbox = await openOutbox({ dataDir, sourceId: 'test', ...options });
  opened.push(outbox);
  return outbox;
}

describe('openOutbox', () => {
  it('hands entities out in order, in batches of the size asked, across records', async () => {
    const outbox = await open();
    await outbox.enqueue(range(0, 3));
    await outbox.enqueue(range(3, 4));
    expect(outbox.pending()).toBe(7);
    const first = await outbox.peek(5);
    expect(ids(first.entities)).toEqual([0, 1, 2, 3, 4]);
    await outbox.ack(first.upTo);
    expect(outbox.pending()).toBe(2);
    const second = await outbox.peek(5);
    expect(ids(second.entities)).toEqual([5, 6]);
    await outbox.ack(second.upTo);
    expect(outbox.pending()).toBe(0);
    expect((await outbox.peek(5)).entities).toEqual([]);
  });

  it('hands out the same entities again until they are acked', async () => {
    const outbox = await open();
    await outbox.enqueue(range(0, 2));
    expect(ids((await outbox.peek(10)).entities)).toEqual([0, 1]);
    expect(ids((await outbox.peek(10)).entities)).toEqual([0, 1]);
  });

  it('keeps what was not acked across a reopen, and forgets what was', async () => {
    const outbox = await open();
    await outbox.enqueue(range(0, 5));
    const batch = await outbox.peek(2);
    await outbox.ack(batch.upTo);
    await outbox.close();
    const reopened = await open();
    expect(reopened.pending()).toBe(3);
    expect(ids((await reopened.peek(10)).entities)).toEqual([2, 3, 4]);
  });

  it('rotates segments and deletes those fully acked', async () => {
    const outbox = await open({ segmentBytes: 400 });
    for (let i = 0; i < 10; i += 1) await outbox.enqueue(range(i * 2, 2));
    const segmentFiles = async () =>
      (await readdir(outbox.directory)).filter((name) => name.endsWith('.jsonl'));
    expect((await segmentFiles()).length).toBeGreaterThan(2);
    const seen: number[] = [];
    for (;;) {
      const batch = await outbox.peek(3);
      if (batch.entities.length === 0) break;
      seen.push(...ids(batch.entities));
      await outbox.ack(batch.upTo);
    }
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await segmentFiles()).toHaveLength(1);
    expect(outbox.pending()).toBe(0);
  });

  it('keeps order across segments after a reopen', async () => {
    const first = await open({ segmentBytes: 300 });
    for (let i = 0; i < 6; i += 1) await first.enqueue(range(i * 2, 2));
    const delivered = await first.peek(3);
    await first.ack(delivered.upTo);
    await first.close();
    const outbox = await open({ segmentBytes: 300 });
    await outbox.enqueue(range(12, 1));
    const seen: number[] = [];
    for (
      let batch = await outbox.peek(4);
      batch.entities.length > 0;
      batch = await outbox.peek(4)
    ) {
      seen.push(...ids(batch.entities));
      await outbox.ack(batch.upTo);
    }
    expect([...ids(delivered.entities), ...seen]).toEqual(Array.from({ length: 13 }, (_, i) => i));
  });

  it('ignores and reports a torn last line, then appends cleanly', async () => {
    const outbox = await open();
    await outbox.enqueue(range(0, 2));
    await outbox.close();
    const [segment] = (await readdir(outbox.directory)).filter((name) => name.endsWith('.jsonl'));
    await appendFile(join(outbox.directory, segment!), '{"s":1,"t":1,"e":[{"id":"urn:x');
    const reopened = await open();
    expect(reopened.recovery).toEqual({ tornLines: 1, corruptLines: 0 });
    expect(reopened.pending()).toBe(2);
    await reopened.enqueue(range(2, 1));
    expect(ids((await reopened.peek(10)).entities)).toEqual([0, 1, 2]);
  });

  it('skips a corrupt line in the middle of a segment without failing', async () => {
    const outbox = await open();
    await outbox.close();
    const path = join(outbox.directory, '000000000001.jsonl');
    const line = (seq: number) => `${JSON.stringify({ s: seq, t: 1, e: [entity(seq)] })}\n`;
    await writeFile(path, `${line(0)}garbage\n${line(1)}`);
    const reopened = await open();
    expect(reopened.recovery).toEqual({ tornLines: 0, corruptLines: 1 });
    expect(ids((await reopened.peek(10)).entities)).toEqual([0, 1]);
  });

  it('refuses with a RetryableError outbox-full past its cap', async () => {
    const outbox = await open({ maxPending: 3 });
    await outbox.enqueue(range(0, 2));
    const error = await outbox.enqueue(range(2, 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as RetryableError).kind).toBe('outbox-full');
    expect(outbox.pending()).toBe(2);
    await outbox.enqueue(range(2, 1));
    expect(outbox.pending()).toBe(3);
  });

  it('reports the age of the oldest pending entity', async () => {
    let clock = 1_000;
    const outbox = await open({ now: () => clock });
    expect(outbox.oldestAgeMs()).toBe(0);
    await outbox.enqueue(range(0, 1));
    await outbox.peek(1);
    clock = 1_500;
    await outbox.enqueue(range(1, 1));
    clock = 4_000;
    expect(outbox.oldestAgeMs()).toBe(3_000);
    await outbox.ack((await outbox.peek(1)).upTo);
    expect(outbox.oldestAgeMs()).toBe(2_500);
  });

  it('wakes a waiter when something is enqueued', async () => {
    const outbox = await open();
    const waiting = outbox.whenPending();
    await outbox.enqueue(range(0, 1));
    await expect(waiting).resolves.toBeUndefined();
  });

  it('keeps what enqueue resolved even when the process is killed with SIGKILL', async () => {
    const script = fileURLToPath(new URL('./outbox-kill.test-support.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /enqueued (\d+)/.exec(output);
        if (match) {
          child.kill('SIGKILL');
          resolve(Number(match[1]));
        }
      });
      child.on('exit', () => reject(new Error(`child exited early: ${output}`)));
    });
    await new Promise((resolve) => child.once('close', resolve));
    const outbox = await open({ sourceId: 'killed' });
    expect(outbox.pending()).toBeGreaterThanOrEqual(acknowledged);
    const batch = await outbox.peek(acknowledged);
    expect(ids(batch.entities)).toEqual(Array.from({ length: acknowledged }, (_, i) => i));
    expect(
      JSON.parse(
        await readFile(join(outbox.directory, '000000000001.jsonl'), 'utf8').then(
          (t) => t.split('\n')[0]!,
        ),
      ).s,
    ).toBe(0);
  });
});
