import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { secretPath, secretTarget, type SecretFolders } from '../backup/copy-secrets.js';

export interface SecretsPlan {
  /** Archive paths of the secret files to write. */
  write: string[];
  refusal?: string;
  notes: string[];
}

/**
 * What restoring the archive's secret files would do. An existing `payload-secret` that differs
 * from the archive's is never replaced without `force`: the restored CMS's broker keys are
 * encrypted with the archive's, and sessions and keys sealed with the current one stop working.
 * Other secret files (admin password, update servers' keys) belong to the restored state and
 * replace the current ones.
 * @example const plan = await planSecrets(extracted, manifest.secrets, config, false);
 */
export async function planSecrets(
  extracted: string,
  secrets: readonly string[],
  folders: SecretFolders,
  force: boolean,
): Promise<SecretsPlan> {
  const plan: SecretsPlan = { write: [], notes: [] };
  if (!secrets.includes(secretPath('payload-secret')))
    plan.notes.push(
      'the archive holds no payload-secret: give the dashboard the PAYLOAD_SECRET it had when the backup was made, or the broker keys stored in the CMS cannot be decrypted',
    );
  for (const path of secrets) {
    const target = secretTarget(path, folders);
    if (!existsSync(target)) {
      plan.write.push(path);
      continue;
    }
    const [current, incoming] = await Promise.all([
      readFile(target, 'utf8'),
      readFile(join(extracted, path), 'utf8'),
    ]);
    if (current.trim() === incoming.trim()) continue;
    if (path === secretPath('payload-secret') && !force) {
      plan.refusal = `${target} differs from the archive's payload-secret: the restored CMS's broker keys are encrypted with the archive's secret, so it must replace this one; add --force to replace it (sessions and keys sealed with the current secret stop working)`;
      continue;
    }
    plan.write.push(path);
    plan.notes.push(`replaced ${target} with the archive's`);
  }
  return plan;
}

/** Write the planned secret files (mode 0600, in folders made 0700). */
export async function restoreSecrets(
  extracted: string,
  plan: SecretsPlan,
  folders: SecretFolders,
): Promise<void> {
  for (const path of plan.write) {
    const target = secretTarget(path, folders);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await copyFile(join(extracted, path), target);
    await chmod(target, 0o600);
  }
}
