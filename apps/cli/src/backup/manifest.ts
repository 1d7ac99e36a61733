import type { CmsCounts } from './cms-collections.js';
import { CMS_COLLECTIONS } from './cms-collections.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'legocity-backup';
export const MANIFEST_FORMAT_VERSION = 1;

/** One file of the archive besides the manifest. */
export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** A table of the broker dump: its row count and the SHA-256 of its row lines. */
export interface TableSummary {
  schema: string;
  name: string;
  rows: number;
  sha256: string;
}

/** The broker dump's `end` line, also what GET /admin/backup/summary answers. */
export interface BrokerSummary {
  tables: TableSummary[];
  /** Entities by tenant (`_default`), then by expanded type. */
  entities: Record<string, Record<string, number>>;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  createdAt: string;
  legocity: { version: string; commit?: string };
  files: ManifestFile[];
  broker: {
    /** The archive path of the NDJSON dump. */
    dump: string;
    /** The URL it was taken from: a restore drill re-points CMS brokers with this URL. */
    url: string;
    brokerVersion: string;
    driver: string;
    summary: BrokerSummary;
  };
  cms: {
    driver: 'sqlite' | 'postgres';
    /** The archive path of the snapshot: a SQLite file, or a `pg_dump -Fc` archive. */
    snapshot: string;
    counts: CmsCounts;
    /** Payload migrations applied in the snapshot, oldest first. */
    migrations: string[];
  };
  /** Archive paths of the dashboard's secret files (`secrets/payload-secret`, …). */
  secrets: string[];
}

/** Archive paths: relative, forward slashes, no `..`, a conservative alphabet. */
const SAFE_PATH = /^(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/**
 * Whether a path may name a file inside an archive (and so inside the folder it is extracted to).
 * @example isSafeArchivePath('broker/dump.ndjson') // true; isSafeArchivePath('../x') // false
 */
export function isSafeArchivePath(path: string): boolean {
  return path.length <= 200 && SAFE_PATH.test(path);
}

/** Counts in the manifest's collection order (a stable shape for comparisons and printing). */
export function orderedCounts(counts: Partial<CmsCounts>): CmsCounts {
  return Object.fromEntries(
    CMS_COLLECTIONS.map(({ slug }) => [slug, counts[slug] ?? 0]),
  ) as CmsCounts;
}
