import { brokerDump } from './broker-dump.test-support.js';
import { buildManifest, type ManifestParts } from './build-manifest.js';
import type { Manifest } from './manifest.js';

const SHA = (c: string) => c.repeat(64);

/**
 * A valid manifest for tests; `parts` replaces whole sections.
 * @example const manifest = aManifest({ secrets: [] });
 */
export function aManifest(parts: Partial<ManifestParts> = {}): Manifest {
  const { summary } = brokerDump([{ name: 'api_key', rows: [['k1']] }]);
  return buildManifest({
    createdAt: new Date('2026-12-07T10:15:00Z'),
    legocity: { version: '0.1.0', commit: 'abc1234' },
    files: [
      { path: 'broker/dump.ndjson', bytes: 10, sha256: SHA('a') },
      { path: 'cms/payload.db', bytes: 20, sha256: SHA('b') },
      { path: 'secrets/payload-secret', bytes: 44, sha256: SHA('c') },
    ],
    broker: {
      dump: 'broker/dump.ndjson',
      url: 'http://127.0.0.1:1026',
      header: {
        format: 'legocity-broker-dump',
        formatVersion: 1,
        brokerVersion: '0.1.0',
        driver: 'pglite',
        createdAt: '2026-12-07T10:15:00Z',
      },
      summary,
    },
    cms: {
      driver: 'sqlite',
      snapshot: 'cms/payload.db',
      facts: {
        counts: { users: 1, pages: 2, 'map-views': 1, 'data-models': 0, brokers: 1 },
        migrations: ['20261123_163529_initial'],
      },
    },
    secrets: ['secrets/payload-secret'],
    ...parts,
  });
}
