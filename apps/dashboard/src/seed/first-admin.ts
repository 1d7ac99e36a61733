import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Payload } from 'payload';

/** Name of the file holding the demo's first admin password, inside the dashboard's data folder. */
export const ADMIN_PASSWORD_FILE = 'admin-password';

/** The first admin of a demo city, or undefined when users already existed. */
export interface FirstAdmin {
  email: string;
  /** Where its password is (mode 0600); the password itself is never logged. */
  passwordFile: string;
}

/**
 * Creates the first admin when the CMS has no user yet, with a random password written to
 * `<dataDir>/admin-password` (mode 0600) — there is no default password. Does nothing when any
 * user exists (then the file, if there, is left as it is).
 * @example const admin = await ensureFirstAdmin(payload, { email: 'admin@legocity.local', dataDir });
 */
export async function ensureFirstAdmin(
  payload: Payload,
  options: { email: string; dataDir: string },
): Promise<FirstAdmin | undefined> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true });
  if (totalDocs > 0) return undefined;
  const passwordFile = join(options.dataDir, ADMIN_PASSWORD_FILE);
  // A password from an earlier, interrupted first start is reused, so the file stays true.
  const kept = (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
  const password = kept || randomBytes(18).toString('base64url');
  if (!kept) {
    await mkdir(options.dataDir, { recursive: true });
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    await chmod(passwordFile, 0o600);
  }
  await payload.create({
    collection: 'users',
    data: { email: options.email, password, roles: ['admin'] },
    overrideAccess: true,
  });
  return { email: options.email, passwordFile };
}
