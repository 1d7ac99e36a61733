import { describe, expect, it } from 'vitest';
import { readGbfsConfig } from './config.js';

describe('readGbfsConfig', () => {
  it('reads the discovery URL and leaves language and system id to the feed', () => {
    expect(
      readGbfsConfig({ LEGOCITY_UPDATERS_GBFS_URL: 'https://gbfs.example/gbfs.json' }),
    ).toEqual({
      ok: true,
      value: {
        url: 'https://gbfs.example/gbfs.json',
        language: undefined,
        systemId: undefined,
        every: 60_000,
      },
    });
  });

  it('requires the discovery URL', () => {
    expect(readGbfsConfig({})).toMatchObject({
      ok: false,
      problems: [{ variable: 'LEGOCITY_UPDATERS_GBFS_URL' }],
    });
  });
});
