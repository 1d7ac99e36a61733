import type { LightMyRequestResponse } from 'fastify';
import { createLogger, type LoggerOptions } from '@legocity/observability';
import { newKeyId, newSecret } from '../auth/api-key-secret.js';
import { createBroker, type Broker } from '../broker.js';
import { readBrokerConfig, type BrokerConfig } from '../config.js';
import { openPrivateTestDatabase, openTestDatabase, type DriverName } from './test-database.js';

export interface TestRequest {
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw body text (sent as is, for malformed-JSON cases). */
  payload?: string;
  query?: Record<string, string>;
  /** Send no API key (by default the admin key is sent unless `headers` carry a key). */
  anonymous?: boolean;
}

export interface TestBrokerOptions {
  /** Where the broker logs (default: nowhere), e.g. captureLines().destination. */
  logDestination?: LoggerOptions['destination'];
  /** A database of its own, also on PostgreSQL (for tests of the whole state: backup, restore). */
  isPrivate?: boolean;
}

export interface TestBroker {
  broker: Broker;
  /** The admin API key the broker was started with (LEGOCITY_BROKER_ADMIN_KEY). */
  adminKey: string;
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
 * A broker on a private test database, driven with Fastify's inject (HTTP without a port). Access
 * control is on, with a fresh admin key that `request()` sends unless told otherwise; the rate
 * limit is off unless `env` sets one.
 * @example const t = await startTestBroker('pglite'); const res = await t.request('GET', '/version');
 */
export async function startTestBroker(
  driver: DriverName,
  env: Record<string, string> = {},
  options: TestBrokerOptions = {},
): Promise<TestBroker> {
  const adminKey = newSecret(newKeyId()).key;
  const loaded = readBrokerConfig({
    // Next's types (the dashboard's tests compile this file) require NODE_ENV in an environment.
    NODE_ENV: process.env.NODE_ENV,
    LEGOCITY_BROKER_LOG_LEVEL: 'error',
    LEGOCITY_BROKER_ADMIN_KEY: adminKey,
    LEGOCITY_BROKER_RATE_LIMIT: '0',
    ...env,
  });
  if (!loaded.ok) throw new Error(`test config invalid: ${JSON.stringify(loaded.problems)}`);
  const config: BrokerConfig = loaded.value;
  const logger = createLogger({
    component: 'broker',
    version: 'test',
    commit: 'test',
    level: options.logDestination ? config.logLevel : 'silent',
    ...(options.logDestination && { destination: options.logDestination }),
  });
  const db = options.isPrivate
    ? await openPrivateTestDatabase(driver)
    : await openTestDatabase(driver);
  const broker = await createBroker(config, logger, { db });
  return {
    broker,
    adminKey: config.adminKey ?? adminKey,
    async request(method, url, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const hasKey = Object.keys(headers).some((name) =>
        ['authorization', 'x-api-key'].includes(name.toLowerCase()),
      );
      if (!hasKey && !options.anonymous)
        headers.authorization = `Bearer ${config.adminKey ?? adminKey}`;
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
