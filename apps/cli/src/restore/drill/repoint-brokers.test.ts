import { createClient } from '@libsql/client';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repointBrokers } from './repoint-brokers.js';

describe('repointBrokers', () => {
  let folder: string;
  let file: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'legocity-repoint-'));
    file = join(folder, 'payload.db');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  async function brokers(urls: string[]): Promise<() => Promise<string[]>> {
    const client = createClient({ url: `file:${file}` });
    await client.execute('create table brokers (id integer primary key, url text)');
    for (const url of urls)
      await client.execute({ sql: 'insert into brokers (url) values (?)', args: [url] });
    client.close();
    return async () => {
      const reader = createClient({ url: `file:${file}` });
      const { rows } = await reader.execute('select url from brokers order by id');
      reader.close();
      return rows.map((row) => row.url as string);
    };
  }

  it('re-points the brokers at the backed-up origin (localhost and 127.0.0.1 alike), not the others', async () => {
    const urls = await brokers([
      'http://localhost:1026',
      'https://orion.example.org',
      'http://127.0.0.1:1026/',
    ]);
    const result = await repointBrokers(
      { driver: 'sqlite', file },
      'http://127.0.0.1:1026',
      'http://127.0.0.1:40000',
    );
    expect(result).toEqual({ ids: [1, 3] });
    expect(await urls()).toEqual([
      'http://127.0.0.1:40000',
      'https://orion.example.org',
      'http://127.0.0.1:40000',
    ]);
  });

  it('takes the only broker when none has the backed-up origin, and says so', async () => {
    const urls = await brokers(['http://broker:1026']);
    const result = await repointBrokers(
      { driver: 'sqlite', file },
      'http://127.0.0.1:1026',
      'http://127.0.0.1:40000',
    );
    expect(result.ids).toEqual([1]);
    expect(result.note).toContain(
      "the CMS's only broker (http://broker:1026) is not at http://127.0.0.1:1026",
    );
    expect(await urls()).toEqual(['http://127.0.0.1:40000']);
  });
});
