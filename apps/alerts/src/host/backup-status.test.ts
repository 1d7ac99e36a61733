import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackupStatus, readBackupStatus } from './backup-status.js';

describe('readBackupStatus', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'legocity-backups-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says there is no backup yet when last-backup.json is absent', async () => {
    expect(await readBackupStatus(dir)).toEqual({ kind: 'none' });
    expect(await readBackupStatus(join(dir, 'not-created-yet'))).toEqual({ kind: 'none' });
  });

  it('reads the finish time and archive the backup command wrote', async () => {
    const status = {
      finishedAt: '2026-11-23T02:00:00.000Z',
      archive: 'legocity-20261123.tar.gz',
      ok: true,
    };
    await writeFile(join(dir, 'last-backup.json'), JSON.stringify(status));
    expect(await readBackupStatus(dir)).toEqual({
      kind: 'ok',
      finishedAtMs: Date.parse('2026-11-23T02:00:00Z'),
      archive: 'legocity-20261123.tar.gz',
    });
  });
});

describe('parseBackupStatus', () => {
  it('names what is wrong with a file that is not the contract', () => {
    expect(parseBackupStatus('{')).toEqual({ kind: 'invalid', reason: 'is not JSON' });
    expect(parseBackupStatus('[]')).toMatchObject({ kind: 'invalid' });
    expect(
      parseBackupStatus('{"finishedAt":"2026-11-23T02:00:00Z","archive":"a","ok":false}'),
    ).toEqual({
      kind: 'invalid',
      reason: "'ok' is not true",
    });
    expect(parseBackupStatus('{"finishedAt":"yesterday","archive":"a","ok":true}')).toEqual({
      kind: 'invalid',
      reason: "'finishedAt' is not an ISO-8601 time",
    });
    expect(parseBackupStatus('{"finishedAt":"2026-11-23T02:00:00Z","ok":true}')).toEqual({
      kind: 'invalid',
      reason: "'archive' is not a file name",
    });
  });
});
