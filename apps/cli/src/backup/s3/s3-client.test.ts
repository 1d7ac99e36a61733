import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_S3_CREDENTIALS, fakeS3, type FakeS3 } from './fake-s3.test-support.js';
import { s3Client } from './s3-client.js';
import { parseS3Object, parseS3Url } from './s3-location.js';

describe('s3Client against a fake S3 that checks every signature', () => {
  let s3: FakeS3;
  let folder: string;
  beforeEach(async () => {
    s3 = await fakeS3();
    folder = await mkdtemp(join(tmpdir(), 'legocity-s3-'));
  });
  afterEach(async () => {
    await s3.close();
    await rm(folder, { recursive: true, force: true });
  });
  const client = (secretAccessKey = FAKE_S3_CREDENTIALS.secretAccessKey) =>
    s3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      bucket: 'city-backups',
      credentials: { ...FAKE_S3_CREDENTIALS, secretAccessKey },
    });

  it('puts, lists (across pages), gets and deletes objects, keys with odd characters included', async () => {
    await writeFile(join(folder, 'a'), 'archive bytes');
    const names = [
      'x/legocity-backup-1.tar.gz',
      'x/legocity-backup-2.tar.gz',
      'x/odd $name+(1).tar.gz',
    ];
    for (const key of names) await client().put(key, join(folder, 'a'));
    expect(s3.objects.get('city-backups/x/odd $name+(1).tar.gz')?.toString()).toBe('archive bytes');
    expect(await client().list('x/')).toEqual(names);
    await client().get(names[0]!, join(folder, 'b'));
    expect(await readFile(join(folder, 'b'), 'utf8')).toBe('archive bytes');
    await client().remove(names[0]!);
    expect(await client().list('x/')).toEqual(names.slice(1));
  });

  it("says what failed with S3's error code, never the secret", async () => {
    await writeFile(join(folder, 'a'), 'x');
    const error = await client('wrong-secret')
      .put('k.tar.gz', join(folder, 'a'))
      .catch((e: Error) => e);
    expect((error as Error).message).toBe(
      'S3 upload of s3://city-backups/k.tar.gz failed: HTTP 403 SignatureDoesNotMatch: fake S3 says SignatureDoesNotMatch',
    );
    expect((error as Error).message).not.toContain('wrong-secret');
  });
});

describe('s3:// URLs', () => {
  it('reads a bucket and a prefix, or an object', () => {
    expect(parseS3Url('s3://city-backups/legocity')).toEqual({
      bucket: 'city-backups',
      prefix: 'legocity/',
    });
    expect(parseS3Url('s3://city-backups')).toEqual({ bucket: 'city-backups', prefix: '' });
    expect(parseS3Url('/var/backups')).toBeUndefined();
    expect(parseS3Object('s3://b-1/x/a.tar.gz')).toEqual({ bucket: 'b-1', key: 'x/a.tar.gz' });
    expect(parseS3Object('s3://b-1/x/')).toBeUndefined();
    expect(() => parseS3Url('s3://Bad_Bucket/x')).toThrow(
      "'Bad_Bucket' in s3://Bad_Bucket/x is not an S3 bucket name",
    );
  });
});
