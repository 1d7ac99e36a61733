import { CMS_COLLECTIONS } from './cms-collections.js';
import {
  MANIFEST_FORMAT,
  MANIFEST_FORMAT_VERSION,
  isSafeArchivePath,
  type Manifest,
} from './manifest.js';

export type ParsedManifest = { ok: true; value: Manifest } | { ok: false; problems: string[] };

type Json = Record<string, unknown>;
const SHA256 = /^[0-9a-f]{64}$/;
const SECRET = /^secrets\/(payload-secret|admin-password|updaters\/[a-z0-9-]{1,64}\.key)$/;

/**
 * A backup's manifest.json, typed, or every problem with it by field ('files[1].sha256 must be
 * 64 lowercase hexadecimal characters'). Every file the manifest refers to must be listed in
 * `files`, with a safe relative path.
 * @example const parsed = parseManifest(text); if (!parsed.ok) console.error(parsed.problems);
 */
export function parseManifest(text: string): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['it is not valid JSON'] };
  }
  if (!isObject(json)) return { ok: false, problems: ['it must be a JSON object'] };
  const problems: string[] = [];
  const need = (isValid: boolean, field: string, rule: string) => {
    if (!isValid) problems.push(`'${field}' ${rule}`);
  };
  need(json.format === MANIFEST_FORMAT, 'format', `must be "${MANIFEST_FORMAT}"`);
  need(
    json.formatVersion === MANIFEST_FORMAT_VERSION,
    'formatVersion',
    `must be ${MANIFEST_FORMAT_VERSION} (this legocity reads version ${MANIFEST_FORMAT_VERSION}; a newer archive needs a newer legocity)`,
  );
  need(isDate(json.createdAt), 'createdAt', 'must be an ISO 8601 date-time');
  need(
    isObject(json.legocity) && typeof json.legocity.version === 'string',
    'legocity.version',
    'must be a string',
  );
  const files = Array.isArray(json.files) ? json.files : [];
  need(Array.isArray(json.files), 'files', 'must be a list');
  files.forEach((file: unknown, i) => {
    const f = isObject(file) ? file : {};
    need(
      typeof f.path === 'string' && isSafeArchivePath(f.path),
      `files[${i}].path`,
      'must be a relative path without ..',
    );
    need(
      Number.isSafeInteger(f.bytes) && (f.bytes as number) >= 0,
      `files[${i}].bytes`,
      'must be a whole number',
    );
    need(
      typeof f.sha256 === 'string' && SHA256.test(f.sha256),
      `files[${i}].sha256`,
      'must be 64 lowercase hexadecimal characters',
    );
  });
  const listed = new Set(files.map((f: unknown) => (isObject(f) ? f.path : undefined)));
  need(listed.size === files.length, 'files', 'must not list a path twice');
  const isListed = (path: unknown) => typeof path === 'string' && listed.has(path);
  const broker = isObject(json.broker) ? json.broker : {};
  need(isListed(broker.dump), 'broker.dump', "must be a path listed in 'files'");
  need(typeof broker.url === 'string', 'broker.url', 'must be a string');
  need(
    isSummary(broker.summary),
    'broker.summary',
    'must be { "tables": [{ "schema", "name", "rows", "sha256" }], "entities": { "<tenant>": { "<type>": count } } }',
  );
  const cms = isObject(json.cms) ? json.cms : {};
  need(
    cms.driver === 'sqlite' || cms.driver === 'postgres',
    'cms.driver',
    'must be "sqlite" or "postgres"',
  );
  need(isListed(cms.snapshot), 'cms.snapshot', "must be a path listed in 'files'");
  const counts = isObject(cms.counts) ? cms.counts : {};
  for (const { slug } of CMS_COLLECTIONS)
    need(isCount(counts[slug]), `cms.counts.${slug}`, 'must be a whole number');
  need(
    Array.isArray(cms.migrations) && cms.migrations.every((m) => typeof m === 'string'),
    'cms.migrations',
    'must be a list of names',
  );
  need(
    Array.isArray(json.secrets) &&
      json.secrets.every((path) => isListed(path) && SECRET.test(path as string)),
    'secrets',
    "must be a list of paths listed in 'files', each secrets/payload-secret, secrets/admin-password or secrets/updaters/<source>.key",
  );
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: json as unknown as Manifest };
}

function isSummary(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.tables) || !isObject(value.entities)) return false;
  const isTable = (t: unknown) =>
    isObject(t) &&
    typeof t.schema === 'string' &&
    typeof t.name === 'string' &&
    isCount(t.rows) &&
    typeof t.sha256 === 'string' &&
    SHA256.test(t.sha256);
  const isTypeCounts = (c: unknown) => isObject(c) && Object.values(c).every(isCount);
  return value.tables.every(isTable) && Object.values(value.entities).every(isTypeCounts);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isDate(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}
