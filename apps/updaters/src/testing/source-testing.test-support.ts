/**
 * Test helpers shared by the built-in sources' tests: a local HTTP server that answers with
 * recorded fixtures, and a FetchContext over global fetch. No test of a source needs the internet.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '@legocity/observability';
import { createHttpGet, type FetchContext } from '@legocity/updater-runtime';

/** apps/updaters/fixtures/<path>, read as text. */
export function readFixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
}

/** An answer of the fixture server. */
export interface FixtureAnswer {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

/** A running fixture server: its base URL (no trailing slash), the paths asked, and close(). */
export interface FixtureServer {
  url: string;
  requests: URL[];
  close(): Promise<void>;
}

/**
 * Serves what `answer` returns for each request (404 when it returns undefined), on port 0.
 * @example const server = await serveFixtures((url) => ({ body: readFixture('gbfs/v2.3/gbfs.json') }));
 */
export async function serveFixtures(
  answer: (url: URL, base: string) => FixtureAnswer | undefined,
): Promise<FixtureServer> {
  const requests: URL[] = [];
  let base = '';
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    requests.push(url);
    const found = answer(url, base);
    response.writeHead(found?.status ?? (found ? 200 : 404), {
      'content-type': 'application/json',
      ...found?.headers,
    });
    response.end(found?.body ?? '{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A logger that keeps its lines, for asserting on warnings. */
export function testLogger(): { log: Logger; lines: () => Array<Record<string, unknown>> } {
  const written: string[] = [];
  const log = createLogger({
    component: 'updaters',
    version: 'test',
    commit: 'test',
    level: 'debug',
    destination: { write: (line: string) => written.push(line) },
  });
  return { log, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/**
 * A FetchContext over the runtime's own HTTP GET, with one attempt (no retry waits in tests); the
 * last `setTtl` is kept in `ttl()`.
 */
export function testFetchContext(log: Logger = testLogger().log): FetchContext & {
  ttl(): number | undefined;
} {
  let ttl: number | undefined;
  const signal = new AbortController().signal;
  return {
    sourceId: 'test',
    signal,
    log,
    now: () => new Date('2024-05-01T12:05:00Z'),
    get: createHttpGet({ timeoutMs: 2_000, retry: { attempts: 1 }, signal, log }),
    setTtl(seconds) {
      ttl = seconds;
    },
    ttl: () => ttl,
  };
}
