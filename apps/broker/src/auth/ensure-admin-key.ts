import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NgsiLdError } from '@legocity/ngsi-ld';
import type { Logger } from '@legocity/observability';
import type { Database, Queryable } from '../storage/database.js';
import { hashSecret, isSecretOf, newKeyId, newSecret, parseApiKey } from './api-key-secret.js';
import { apiKeyStore } from './api-key-store.js';
import { auditStore } from './audit-log.js';

export interface EnsureAdminKeyOptions {
  db: Database;
  logger: Logger;
  /** Where the bootstrap key file goes (the broker's data folder). */
  dataDir: string;
  /** LEGOCITY_BROKER_ADMIN_KEY: an admin key the deployment provides. */
  configuredKey: string | undefined;
}

/** The file the bootstrap admin key is written to, inside the data folder. */
export const ADMIN_KEY_FILE = 'admin.key';
const BOOTSTRAP_NAME = 'bootstrap-admin';
// Serialises the bootstrap across broker processes starting at once on one PostgreSQL.
const BOOTSTRAP_LOCK = 4_242_002;
const ADMIN_SCOPES = [{ access: 'admin' as const }];

/**
 * Make sure someone can administer the broker: store the deployment's admin key (hash only) when
 * one is configured; then, if no live admin key exists, create `bootstrap-admin` and write it to
 * `<dataDir>/admin.key` (mode 0600). The key itself is never logged. Safe to run from several
 * processes at once: an advisory lock lets only the first create a key.
 * @example await ensureAdminKey({ db, logger, dataDir: '.legocity/broker', configuredKey })
 */
export async function ensureAdminKey(options: EnsureAdminKeyOptions): Promise<void> {
  const { db, logger } = options;
  if (options.configuredKey !== undefined)
    await storeConfiguredKey(db, options.configuredKey, logger);
  const file = join(options.dataDir, ADMIN_KEY_FILE);
  const isCreated = await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
    if (await apiKeyStore.hasLiveAdmin(tx)) return false;
    const id = newKeyId();
    const { key, secret } = newSecret(id);
    await insertAdmin(tx, id, hashSecret(secret));
    // Written before the commit: a key nobody can read must never become the only admin key.
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    await writeFile(file, `${key}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    return true;
  });
  if (isCreated) {
    logger.warn(
      { file },
      'No admin API key existed: created bootstrap-admin; read the key from the file (mode 0600), then keep it somewhere safe',
    );
  }
}

async function insertAdmin(tx: Queryable, id: string, secretHash: string): Promise<void> {
  let name = BOOTSTRAP_NAME;
  try {
    await apiKeyStore.insert(tx, {
      id,
      name,
      scopes: ADMIN_SCOPES,
      secretHash,
      createdBy: 'broker',
    });
  } catch (error) {
    // A live non-admin key may already carry the name (it is reusable once revoked).
    if (!(error instanceof NgsiLdError)) throw error;
    name = `${BOOTSTRAP_NAME}-${id}`;
    await apiKeyStore.insert(tx, {
      id,
      name,
      scopes: ADMIN_SCOPES,
      secretHash,
      createdBy: 'broker',
    });
  }
  await auditStore.insert(tx, {
    action: 'key.created',
    target: id,
    outcome: 'success',
    detail: { name, scopes: ADMIN_SCOPES, bootstrap: true },
  });
}

async function storeConfiguredKey(db: Database, configured: string, logger: Logger): Promise<void> {
  const parts = parseApiKey(configured);
  if (!parts) throw new Error('LEGOCITY_BROKER_ADMIN_KEY is not an API key (lgc_<id>_<secret>)');
  const secretHash = hashSecret(parts.secret);
  await db.query(
    `insert into legocity.api_key (id, name, scopes, secret_hash, created_by)
     values ($1, $2, $3::jsonb, $4, 'LEGOCITY_BROKER_ADMIN_KEY') on conflict (id) do nothing`,
    [parts.keyId, `deployment-admin-${parts.keyId}`, JSON.stringify(ADMIN_SCOPES), secretHash],
  );
  const stored = await apiKeyStore.find(db, parts.keyId);
  if (!stored || !isSecretOf(parts.secret, stored.secretHash)) {
    throw new Error(
      'LEGOCITY_BROKER_ADMIN_KEY: a key with this id already exists with another secret; configure that key or a new one',
    );
  }
  if (stored.revokedAt !== undefined)
    logger.warn(
      { keyId: stored.id },
      'LEGOCITY_BROKER_ADMIN_KEY names a revoked key: it is refused',
    );
}
