import { readFile, statfs } from 'node:fs/promises';
import { freemem, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { adminKeyOf, type CliConfig } from '../config.js';
import { brokerAdmin, describeFailure } from '../platform/broker-admin.js';
import { collectStatus } from '../status/collect-status.js';
import type { DoctorContext, KeyView } from './finding.js';

/**
 * Everything the doctor's checks judge, gathered once: the platform's status, the broker's
 * keys, the last backup, disk under the data folder, memory.
 * @example const context = await collectDoctorContext(config);
 */
export async function collectDoctorContext(
  config: CliConfig,
  options: { now?: Date; fetchImpl?: typeof fetch } = {},
): Promise<DoctorContext> {
  const now = options.now ?? new Date();
  const [status, keys, lastBackup, disk] = await Promise.all([
    collectStatus(config, { timeoutMs: config.timeout, now, ...options }),
    listKeys(config, options.fetchImpl),
    readLastBackup(config.backupDir),
    diskOf(config.dataDir),
  ]);
  return {
    now,
    status,
    keys,
    lastBackup,
    disk,
    memory: { availableBytes: freemem(), totalBytes: totalmem() },
    limits: {
      backupMaxAgeMs: config.backupMaxAge,
      keyExpiryWarningMs: config.keyExpiryWarning,
      outboxMaxAgeMs: config.outboxMaxAge,
    },
  };
}

async function listKeys(
  config: CliConfig,
  fetchImpl?: typeof fetch,
): Promise<KeyView[] | { error: string }> {
  const key = adminKeyOf(config);
  if (!key)
    return { error: 'no broker admin key (LEGOCITY_CLI_ADMIN_KEY, or <dataDir>/broker/admin.key)' };
  const result = await brokerAdmin(config.brokerUrl, key, config.timeout, fetchImpl).call<
    KeyView[]
  >('GET', '/admin/keys');
  return result.ok && result.status === 200 && Array.isArray(result.body)
    ? result.body
    : { error: `the broker's key list failed: ${describeFailure(result)}` };
}

/**
 * `<backupDir>/last-backup.json` (written by `legocity backup` after each success), or another
 * status file of the same shape (`last-verify.json`, written by a successful restore drill).
 */
export async function readLastBackup(
  backupDir: string,
  file = 'last-backup.json',
): Promise<DoctorContext['lastBackup']> {
  let text: string;
  const path = join(backupDir, file);
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { error: `${path}: ${(error as Error).message}` };
  }
  try {
    const parsed = JSON.parse(text) as { finishedAt?: unknown; archive?: unknown };
    if (
      typeof parsed.finishedAt === 'string' &&
      !isNaN(Date.parse(parsed.finishedAt)) &&
      typeof parsed.archive === 'string'
    )
      return { finishedAt: parsed.finishedAt, archive: parsed.archive };
  } catch {
    // Reported below.
  }
  return { error: `${path} is not {"finishedAt": ISO date, "archive": name}` };
}

async function diskOf(dataDir: string): Promise<DoctorContext['disk']> {
  const path = resolve(dataDir);
  try {
    const stats = await statfs(path);
    return {
      path,
      availableBytes: stats.bavail * stats.bsize,
      totalBytes: stats.blocks * stats.bsize,
    };
  } catch (error) {
    return {
      error: `${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    };
  }
}
