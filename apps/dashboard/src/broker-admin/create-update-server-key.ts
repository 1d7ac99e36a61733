import type { Payload } from 'payload';
import { invalidRequest } from './broker-admin-errors.js';
import { callKeyApi, type KeyApiOptions } from './call-key-api.js';
import { parseCreateKeyInput } from './key-inputs.js';
import { loadBroker } from './load-broker.js';
import { withSecret, type UpdateServerKeyWithSecret } from './update-server-key.js';

const DAY_MS = 86_400_000;

/**
 * Create an update-server key on a configured broker: a WRITE key for the given entity types on
 * the broker's tenant (or `tenant`), optionally expiring. The answer holds the new key once —
 * send it with `Cache-Control: no-store` and never store or log it.
 * @example const { key } = await createUpdateServerKey(payload, 3, { name: 'weather', entityTypes: ['WeatherObserved'] });
 */
export async function createUpdateServerKey(
  payload: Payload,
  brokerId: number,
  body: unknown,
  options: KeyApiOptions = {},
): Promise<UpdateServerKeyWithSecret> {
  const parsed = parseCreateKeyInput(body);
  if (!parsed.ok) throw invalidRequest(parsed.problems);
  const input = parsed.value;
  const broker = await loadBroker(payload, brokerId);
  const now = options.now?.() ?? new Date();
  const tenant = input.tenant ?? broker.tenant ?? 'default';
  const created = await callKeyApi(
    broker,
    {
      method: 'POST',
      path: '/admin/keys',
      body: {
        name: input.name,
        scopes: [{ access: 'write', tenants: [tenant], entityTypes: input.entityTypes }],
        ...(input.expiresInDays !== undefined && {
          expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
        }),
      },
    },
    options,
  );
  return withSecret(created);
}
