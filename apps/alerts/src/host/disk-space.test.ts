import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskSpace } from './disk-space.js';
import { memoryAvailable } from './memory.js';

describe('diskSpace', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'legocity-disk-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('measures the disk of a folder as a free ratio and bytes', async () => {
    const [disk] = await diskSpace([dir]);
    expect(disk?.folder).toBe(dir);
    expect(disk?.availableRatio).toBeGreaterThan(0);
    expect(disk?.availableRatio).toBeLessThanOrEqual(1);
    expect(disk?.availableBytes).toBeLessThanOrEqual(disk?.totalBytes ?? 0);
  });

  it('reports one disk once, and measures a folder not created yet at its parent', async () => {
    const disks = await diskSpace([dir, join(dir, 'backups', 'not-yet')]);
    expect(disks.map((disk) => disk.folder)).toEqual([dir]);
  });
});

describe('memoryAvailable', () => {
  it('is the available share of the total', () => {
    expect(memoryAvailable({ free: () => 1, total: () => 4 })).toEqual({
      availableBytes: 1,
      totalBytes: 4,
      availableRatio: 0.25,
    });
  });
});
