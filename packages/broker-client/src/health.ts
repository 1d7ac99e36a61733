import type { JsonValue } from '@legocity/ngsi-ld';
import { isBrokerError } from './broker-error.js';
import type { ClientSettings } from './client-options.js';
import { messages } from './messages.js';
import { send, type BrokerResponse } from './transport.js';
import { apiPath } from './url.js';

export interface HealthReport {
  ok: boolean;
  /** What answered: LegoCity's /health, Orion-LD's /version, or the API's /types. */
  source: 'health' | 'version' | 'types';
  /** HTTP status; 0 when the broker could not be reached. */
  status: number;
  body?: JsonValue;
  /** Why the check failed, as a BrokerError message (no secrets). */
  error?: string;
}

/**
 * Operational helpers. Not an NGSI-LD operation: /health and /version sit outside the API root and
 * only some brokers have them (LegoCity: both; Orion-LD: /version).
 */
export function healthOperations(settings: ClientSettings) {
  /** One attempt that returns any answer; a probe should report, not wait and retry. */
  async function probe(path: string): Promise<BrokerResponse> {
    return send(settings, {
      method: 'GET',
      path,
      isIdempotent: true,
      maxAttempts: 1,
      isAnswer: () => true,
    });
  }

  return {
    /**
     * Is the broker up? Tries GET /health (a LegoCity server: 200 healthy, 503 not), then, on a
     * broker without it, GET /version, then GET /ngsi-ld/v1/types, which every broker serves.
     * Never throws for an unhealthy or unreachable broker: the report says so.
     * @example const { ok, source } = await client.health();
     */
    async health(): Promise<HealthReport> {
      try {
        const health = await probe('/health');
        if (isOk(health.status) || health.status === 503) return report('health', health);
        const version = await probe('/version');
        if (isOk(version.status)) return report('version', version);
        return report('types', await probe(apiPath('types')));
      } catch (error) {
        if (!isBrokerError(error)) throw error;
        return { ok: false, source: 'health', status: error.status, error: error.message };
      }
    },
  };
}

function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}

function report(source: HealthReport['source'], response: BrokerResponse): HealthReport {
  const result: HealthReport = { ok: isOk(response.status), source, status: response.status };
  if (response.body !== undefined) result.body = response.body;
  if (!result.ok) result.error = messages.unhealthy(response.request, response.status);
  return result;
}
