import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Name of the generated secret file inside the dashboard's data folder. */
export const PAYLOAD_SECRET_FILE = 'payload-secret';

/**
 * The Payload secret: the configured one, else the one generated into `<dataDir>/payload-secret`
 * on first start (mode 0600), so sessions and encrypted broker keys survive restarts.
 * @example const secret = resolvePayloadSecret({ configured: config.payloadSecret, dataDir: config.dataDir });
 */
export function resolvePayloadSecret(options: {
  configured: string | undefined;
  dataDir: string;
}): string {
  if (options.configured !== undefined && options.configured !== '') return options.configured;
  const file = join(options.dataDir, PAYLOAD_SECRET_FILE);
  const existing = readSecretFile(file);
  if (existing !== undefined) return existing;
  mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx' fails when another process created it first; then theirs wins.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readSecretFile(file);
    if (winner !== undefined) return winner;
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}

function readSecretFile(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return text === '' ? undefined : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
