import type { CmsSnapshotFacts } from './sqlite-snapshot.js';
import type { DumpHeader } from './dump-reader.js';
import {
  MANIFEST_FORMAT,
  MANIFEST_FORMAT_VERSION,
  orderedCounts,
  type BrokerSummary,
  type Manifest,
  type ManifestFile,
} from './manifest.js';

export interface ManifestParts {
  createdAt: Date;
  legocity: { version: string; commit?: string | undefined };
  files: ManifestFile[];
  broker: { dump: string; url: string; header: DumpHeader; summary: BrokerSummary };
  cms: { driver: 'sqlite' | 'postgres'; snapshot: string; facts: CmsSnapshotFacts };
  secrets: string[];
}

/**
 * The manifest of a backup from what each stage produced. Files are listed by path, sorted.
 * @example const manifest = buildManifest({ createdAt: new Date(), legocity, files, broker, cms, secrets });
 */
export function buildManifest(parts: ManifestParts): Manifest {
  const { header } = parts.broker;
  return {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    createdAt: parts.createdAt.toISOString(),
    legocity: {
      version: parts.legocity.version,
      ...(parts.legocity.commit && { commit: parts.legocity.commit }),
    },
    files: [...parts.files].sort((a, b) => a.path.localeCompare(b.path)),
    broker: {
      dump: parts.broker.dump,
      url: parts.broker.url,
      brokerVersion: header.brokerVersion,
      driver: header.driver,
      summary: parts.broker.summary,
    },
    cms: {
      driver: parts.cms.driver,
      snapshot: parts.cms.snapshot,
      counts: orderedCounts(parts.cms.facts.counts),
      migrations: parts.cms.facts.migrations,
    },
    secrets: [...parts.secrets].sort(),
  };
}

/** Entities in a broker summary, all tenants and types together. */
export function totalEntities(summary: BrokerSummary): number {
  return Object.values(summary.entities)
    .flatMap((types) => Object.values(types))
    .reduce((sum, n) => sum + n, 0);
}
