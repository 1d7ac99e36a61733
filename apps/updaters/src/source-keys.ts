import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a source's write key comes from. */
export interface SourceKeyOptions {
  sourceId: string;
  entityTypes: readonly string[];
  /** A key given by the operator (`LEGOCITY_UPDATERS_<SOURCE>_KEY`): used as is. */
  configured: string | undefined;
  dataDir: string;
  brokerUrl: string;
  tenant: string | undefined;
  /** Used only to create a missing key; never stored by the updaters. */
  adminKey: string | undefined;
  fetch?: typeof fetch;
}

/** Why a source has no key: what the operator must do. */
export class SourceKeyError extends Error {
  override readonly name = 'SourceKeyError';
  /** A 5xx of a broker still starting: worth waiting for. */
  constructor(
    message: string,
    readonly isRetryable = false,
  ) {
    super(message);
  }
}

/**
 * The write key of one source: the operator's, else the one kept in `<dataDir>/keys/<id>.key`,
 * else a new key created through the broker's admin API with exactly the source's entity types
 * and tenant (least privilege), kept in that file with mode 0600. Keys never reach a log.
 * @example const key = await sourceKey({ sourceId: 'weather', entityTypes: ['WeatherObserved'], … });
 */
export async function sourceKey(options: SourceKeyOptions): Promise<string> {
  if (options.configured) return options.configured;
  const folder = join(options.dataDir, 'keys');
  const file = join(folder, `${options.sourceId}.key`);
  const kept = await readFile(file, 'utf8').catch(() => undefined);
  if (kept?.trim()) return kept.trim();
  if (!options.adminKey)
    throw new SourceKeyError(
      `source ${options.sourceId} has no write key: set LEGOCITY_UPDATERS_${envName(options.sourceId)}_KEY, ` +
        `or LEGOCITY_UPDATERS_BROKER_ADMIN_KEY so the updaters can create one`,
    );
  const response = await (options.fetch ?? fetch)(new URL('/admin/keys', options.brokerUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${options.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `updater-${options.sourceId}`,
      scopes: [
        {
          access: 'write',
          tenants: [options.tenant ?? 'default'],
          entityTypes: [...options.entityTypes],
        },
      ],
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => ({}))) as { key?: unknown; detail?: unknown };
  if (response.status !== 201 || typeof body.key !== 'string')
    throw new SourceKeyError(
      `the broker refused to create a write key for source ${options.sourceId}: HTTP ${response.status}` +
        (typeof body.detail === 'string' ? ` (${body.detail})` : ''),
      response.status >= 500,
    );
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${body.key}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
  return body.key;
}

/** `air-quality` → `AIR_QUALITY`. */
export function envName(sourceId: string): string {
  return sourceId.toUpperCase().replace(/-/g, '_');
}
