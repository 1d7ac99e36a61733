import { describe, expect, it } from 'vitest';
import { createWriteQueue } from './write-queue.js';

describe('createWriteQueue', () => {
  it('batches inputs arriving during a write and acknowledges in arrival order', async () => {
    const batches: number[][] = [];
    const acknowledged: number[] = [];
    let release: () => void = () => undefined;
    const queue = createWriteQueue<number>({
      maxBatch: 10,
      signal: new AbortController().signal,
      write: async (batch) => {
        batches.push(batch);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
    });
    for (let i = 0; i < 5; i += 1)
      queue.push({ input: i, acknowledge: () => acknowledged.push(i) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(acknowledged).toEqual([]);
    expect(queue.pending).toBe(5);
    release();
    await queue.idle();
    expect(batches).toEqual([[0], [1, 2, 3, 4]]);
    expect(acknowledged).toEqual([0, 1, 2, 3, 4]);
  });

  it('retries a failed batch with backoff and acknowledges only after it is written', async () => {
    let attempts = 0;
    const acknowledged: string[] = [];
    const retries: number[] = [];
    const queue = createWriteQueue<string>({
      maxBatch: 10,
      signal: new AbortController().signal,
      minDelayMs: 1,
      write: () => {
        attempts += 1;
        return attempts < 3 ? Promise.reject(new Error('outbox busy')) : Promise.resolve();
      },
      onRetry: (_error, delayMs) => retries.push(delayMs),
    });
    queue.push({ input: 'a', acknowledge: () => acknowledged.push('a') });
    await queue.idle();
    expect(attempts).toBe(3);
    expect(retries).toEqual([1, 2]);
    expect(acknowledged).toEqual(['a']);
  });

  it('acknowledges nothing more once aborted while a write keeps failing', async () => {
    const controller = new AbortController();
    const acknowledged: string[] = [];
    const queue = createWriteQueue<string>({
      maxBatch: 10,
      signal: controller.signal,
      minDelayMs: 5,
      write: () => Promise.reject(new Error('disk full')),
      onRetry: () => controller.abort(),
    });
    queue.push({ input: 'a', acknowledge: () => acknowledged.push('a') });
    await queue.idle();
    expect(acknowledged).toEqual([]);
    expect(queue.pending).toBe(1);
  });
});
