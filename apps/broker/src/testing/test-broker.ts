import type { LightMyRequestResponse } from 'fastify';
import { createLogger } from '@legocity/observability';
import { createBroker, type Broker } from '../broker.js';
import { readBrokerConfig, type BrokerConfig } from '../config.js';
import { openTestDatabase, type DriverName } from './test-database.js';

export interface TestRequest {
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw body text (sent as is, for malformed-JSON cases). */
  payload?: string;
  query?: Record<string, string>;
}

export interface TestBroker {
  broker: Broker;
  /** Send a request in-process (no port); JSON bodies are sent as application/json by default. */
  request(method: string, url: string, options?: TestRequest): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: LightMyRequestResponse['headers'];
  /** Parsed JSON body, or undefined when empty. */
  body: unknown;
  text: string;
}

/**
 * A broker on a private test database, driven with Fastify's inject (HTTP without a port).
 * @example const t = await startTestBroker('pglite'); const res = await t.request('GET', '/version');
 */
export async function startTestBroker(
  driver: DriverName,
  env: Record<string, string> = {},
): Promise<TestBroker> {
  const loaded = readBrokerConfig({ LEGOCITY_BROKER_LOG_LEVEL: 'error', ...env });
  if (!loaded.ok) throw new Error(`test config invalid: ${JSON.stringify(loaded.problems)}`);
  const config: BrokerConfig = loaded.value;
  const logger = createLogger({
    component: 'broker',
    version: 'test',
    commit: 'test',
    level: 'silent',
  });
  const db = await openTestDatabase(driver);
  const broker = await createBroker(config, logger, { db });
  return {
    broker,
    async request(method, url, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      let payload: string | undefined = options.payload;
      if (options.body !== undefined) {
        payload = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await broker.app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(payload !== undefined ? { payload } : {}),
        ...(options.query ? { query: options.query } : {}),
      });
      const text = response.body;
      let body: unknown;
      try {
        body = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: response.statusCode, headers: response.headers, body, text };
    },
    async close() {
      await broker.close();
      await db.close();
    },
  };
}
