import { chmod, copyFile, mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The dashboard's secret files (apps/dashboard: secrets/payload-secret.ts, seed/first-admin.ts). */
export const SECRET_FILES = ['payload-secret', 'admin-password'] as const;

/** Where a dashboard secret file goes in an archive. */
export const secretPath = (name: string): string => `secrets/${name}`;

/** Where an update server's write key goes in an archive (apps/updaters source-keys.ts). */
export const UPDATER_KEYS = 'secrets/updaters/';
const KEY_FILE = /^[a-z0-9-]{1,64}\.key$/;

/** The folders secret files are copied from and restored to. */
export interface SecretFolders {
  dashboardDataDir: string;
  updatersDataDir: string;
}

/**
 * Where the file an archive path names lives: a dashboard secret, or an update server's key.
 * @example secretTarget('secrets/updaters/weather.key', folders) // '.legocity/updaters/keys/weather.key'
 */
export function secretTarget(path: string, folders: SecretFolders): string {
  return path.startsWith(UPDATER_KEYS)
    ? join(folders.updatersDataDir, 'keys', path.slice(UPDATER_KEYS.length))
    : join(folders.dashboardDataDir, path.slice('secrets/'.length));
}

/**
 * Copy the secret files that exist into `<stage>/secrets/` (mode 0600): the dashboard's
 * `payload-secret` and `admin-password`, and the update servers' write keys (the restored broker
 * knows them, so restored updaters write again without new keys). Returns the archive paths, and
 * a warning when `payload-secret` is missing: the CMS's broker keys are encrypted with it.
 * @example const { paths, warnings } = await copySecrets(folders, stage);
 */
export async function copySecrets(
  folders: SecretFolders,
  stage: string,
): Promise<{ paths: string[]; warnings: string[] }> {
  await mkdir(join(stage, UPDATER_KEYS), { recursive: true, mode: 0o700 });
  const paths: string[] = [];
  const warnings: string[] = [];
  const keys = await readdir(join(folders.updatersDataDir, 'keys')).catch(() => [] as string[]);
  const candidates = [
    ...SECRET_FILES.map(secretPath),
    ...keys.filter((name) => KEY_FILE.test(name)).map((name) => `${UPDATER_KEYS}${name}`),
  ];
  for (const path of candidates) {
    const source = secretTarget(path, folders);
    if (!existsSync(source)) {
      if (path === secretPath('payload-secret'))
        warnings.push(
          `${source} does not exist: when the dashboard gets PAYLOAD_SECRET from its environment, keep that secret with the backup — a restore without it loses the broker keys stored in the CMS`,
        );
      continue;
    }
    await copyFile(source, join(stage, path));
    await chmod(join(stage, path), 0o600);
    paths.push(path);
  }
  return { paths, warnings };
}
