import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { checkCommittedMigrations } from './migrations.test-support.js';

describe('the committed SQLite migrations', () => {
  it('create a schema that serves every collection (no push)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'legocity-dashboard-sqlite-'));
    try {
      const payload = await checkCommittedMigrations(`file:${join(folder, 'payload.db')}`, folder);
      await payload.destroy();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
