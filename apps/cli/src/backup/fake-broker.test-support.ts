import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_ADMIN_KEY = `lgc_${'a'.repeat(16)}_${'b'.repeat(43)}`;

/** What the fake broker saw and answers. */
export interface FakeBroker {
  url: string;
  /** Bodies of POST /admin/restore, and their query strings. */
  restores: { query: string; body: string }[];
  /** Next answer of POST /admin/restore. */
  restoreAnswer: { status: number; body: unknown };
  close(): Promise<void>;
}

/**
 * An HTTP server with the broker's admin backup API: GET /admin/backup streams `dump` in small
 * chunks; POST /admin/restore records the body; GET /version. Requests without the key get 401.
 * @example const broker = await fakeBroker(brokerDump(tables).text); … await broker.close();
 */
export async function fakeBroker(dump: string): Promise<FakeBroker> {
  const fake: Omit<FakeBroker, 'url' | 'close'> = {
    restores: [],
    restoreAnswer: { status: 200, body: { tables: [], entities: {}, durationMs: 5 } },
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname === '/version') {
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ version: '0.1.0', commit: 'abc1234' }));
      }
      if (url.pathname === '/health/live') return response.end('{}');
      if (request.headers.authorization !== `Bearer ${FAKE_ADMIN_KEY}`) {
        response.writeHead(401, { 'content-type': 'application/problem+json' });
        return response.end(JSON.stringify({ title: 'Unauthorized', detail: 'no key' }));
      }
      if (request.method === 'GET' && url.pathname === '/admin/backup') {
        response.writeHead(200, { 'content-type': 'application/x-ndjson' });
        for (let i = 0; i < dump.length; i += 40) response.write(dump.slice(i, i + 40));
        return response.end();
      }
      if (request.method === 'POST' && url.pathname === '/admin/restore') {
        fake.restores.push({ query: url.search, body: await text(request) });
        response.writeHead(fake.restoreAnswer.status, { 'content-type': 'application/json' });
        return response.end(JSON.stringify(fake.restoreAnswer.body));
      }
      response.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

async function text(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}
