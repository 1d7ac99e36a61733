import type { HealthCheck } from '@legocity/observability';

/**
 * A non-critical check that the broker answers `GET <brokerUrl>/health/live`: the CMS keeps
 * working without it, but the maps have no data.
 * @example createHealth({ …, checks: [brokerCheck('http://127.0.0.1:1026')] })
 */
export function brokerCheck(brokerUrl: string, fetchImpl: typeof fetch = fetch): HealthCheck {
  const target = new URL('health/live', brokerUrl.endsWith('/') ? brokerUrl : `${brokerUrl}/`);
  return {
    name: 'broker',
    critical: false,
    run: async ({ signal }) => {
      const response = await fetchImpl(target, { signal, headers: { accept: 'application/json' } });
      await response.body?.cancel();
      return response.ok
        ? { ok: true }
        : { ok: false, detail: `Broker health answered HTTP ${response.status}` };
    },
  };
}
