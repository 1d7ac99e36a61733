import type { ConnectionReport } from '../../broker-admin/test-broker-connection.js';
import type {
  UpdateServerKey,
  UpdateServerKeyWithSecret,
} from '../../broker-admin/update-server-key.js';

/** What the create form sends (validated again, and for real, by the server). */
export interface NewKeyRequest {
  name: string;
  entityTypes: string[];
  expiresInDays?: number;
}

/** The browser side of the broker admin endpoints (cookies of the signed-in admin). */
export interface BrokerToolsApi {
  testConnection(): Promise<ConnectionReport>;
  listKeys(): Promise<UpdateServerKey[]>;
  createKey(request: NewKeyRequest): Promise<UpdateServerKeyWithSecret>;
  rotateKey(keyId: string, overlapHours?: number): Promise<UpdateServerKeyWithSecret>;
  revokeKey(keyId: string): Promise<void>;
}

/**
 * Calls to /api/brokers/:id/… for one broker. A failed call throws an Error whose message is the
 * server's problem detail (it never holds a key).
 * @example const api = brokerToolsApi('/api', 3); const report = await api.testConnection();
 */
export function brokerToolsApi(apiBase: string, brokerId: number | string): BrokerToolsApi {
  const base = `${apiBase}/brokers/${encodeURIComponent(String(brokerId))}`;
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        credentials: 'include',
        cache: 'no-store',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch {
      throw new Error('The dashboard server cannot be reached');
    }
    const text = await response.text();
    const json = (text === '' ? undefined : safeJson(text)) as
      { detail?: unknown; title?: unknown } | undefined;
    if (!response.ok) {
      const detail = typeof json?.detail === 'string' ? json.detail : undefined;
      throw new Error(detail ?? `The request failed (HTTP ${response.status})`);
    }
    return json as T;
  };
  return {
    testConnection: () => send<ConnectionReport>('POST', '/test-connection'),
    listKeys: async () => (await send<{ keys: UpdateServerKey[] }>('GET', '/keys')).keys,
    createKey: (request) => send<UpdateServerKeyWithSecret>('POST', '/keys', request),
    rotateKey: (keyId, overlapHours) =>
      send<UpdateServerKeyWithSecret>(
        'POST',
        `/keys/${encodeURIComponent(keyId)}/rotate`,
        overlapHours === undefined ? {} : { overlapHours },
      ),
    revokeKey: async (keyId) => {
      await send<unknown>('DELETE', `/keys/${encodeURIComponent(keyId)}`);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
