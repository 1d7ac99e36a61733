import { describe, expect, it } from 'vitest';
import { aManifest } from './manifest.test-support.js';
import { isSafeArchivePath } from './manifest.js';
import { parseManifest } from './parse-manifest.js';

describe('parseManifest', () => {
  it('reads back a manifest the backup wrote', () => {
    const manifest = aManifest();
    expect(parseManifest(JSON.stringify(manifest))).toEqual({ ok: true, value: manifest });
  });

  it('lists every problem by field at once', () => {
    const manifest = aManifest() as unknown as Record<string, unknown>;
    const broken = {
      ...manifest,
      formatVersion: 2,
      files: [{ path: '../etc/passwd', bytes: -1, sha256: 'xyz' }],
    };
    const parsed = parseManifest(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      "'formatVersion' must be 1 (this legocity reads version 1; a newer archive needs a newer legocity)",
      "'files[0].path' must be a relative path without ..",
      "'files[0].bytes' must be a whole number",
      "'files[0].sha256' must be 64 lowercase hexadecimal characters",
      "'broker.dump' must be a path listed in 'files'",
      "'cms.snapshot' must be a path listed in 'files'",
      "'secrets' must be a list of paths listed in 'files', each secrets/payload-secret, secrets/admin-password or secrets/updaters/<source>.key",
    ]);
  });

  it('says when the text is not JSON', () => {
    expect(parseManifest('{"format":')).toEqual({ ok: false, problems: ['it is not valid JSON'] });
  });
});

describe('isSafeArchivePath', () => {
  it('accepts relative paths inside the archive only', () => {
    expect(isSafeArchivePath('secrets/payload-secret')).toBe(true);
    for (const path of ['/etc/passwd', '../x', 'a/../../x', 'a//b', 'a/./b', '', 'a\\b'])
      expect(isSafeArchivePath(path), path).toBe(false);
  });
});
