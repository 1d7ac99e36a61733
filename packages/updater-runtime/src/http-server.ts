import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { healthHttpStatus, versionInfo, type Health, type Metrics } from '@legocity/observability';
import type { SourceReport } from './source-report.js';

export interface UpdaterServerOptions {
  port: number;
  host?: string;
  updater: { report(): SourceReport[] };
  metrics: Pick<Metrics, 'render'>;
  /** The process's own checks (e.g. the broker is reachable), from createHealth. */
  health: Health;
  version: { component: string; version: string; commit: string; startedAt: Date };
}

export interface UpdaterServer {
  /** e.g. "http://127.0.0.1:8090" */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The operations endpoints of an update server, on node:http:
 * - `GET /health`: the health summary, its checks and every source report; 503 when a check
 *   fails, a source is down, or a stream source's connection is not ready.
 * - `GET /health/live`: 200 without any I/O.
 * - `GET /health/ready`: the checks, and stream sources' connections; 503 when one fails.
 * - `GET /metrics`: Prometheus text. `GET /version`: what runs, since when.
 *
 * @example
 * const server = await startUpdaterServer({ port: 8090, updater, metrics, health, version });
 */
export async function startUpdaterServer(options: UpdaterServerOptions): Promise<UpdaterServer> {
  const server = createServer((request, response) => {
    void route(request, response).catch(() => {
      if (!response.headersSent)
        sendJson(response, 500, { status: 'fail', detail: 'internal error' });
      else response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      sendJson(response, 405, { detail: `Method ${request.method} is not allowed` });
      return;
    }
    switch (path) {
      case '/health/live':
        sendJson(response, 200, options.health.liveness());
        return;
      case '/health/ready': {
        const report = await options.health.readiness();
        const streams = streamReadiness(options.updater.report());
        const ok = report.status === 'ok' && streams.every((stream) => stream.ok);
        sendJson(response, ok ? 200 : 503, { ...report, status: ok ? 'ok' : 'fail', streams });
        return;
      }
      case '/health': {
        const summary = await options.health.summary();
        const sources = options.updater.report();
        const problems = sourceProblems(sources);
        const ok = healthHttpStatus(summary) === 200 && problems.length === 0;
        sendJson(response, ok ? 200 : 503, {
          ...summary,
          status: ok ? 'ok' : 'fail',
          problems,
          sources,
        });
        return;
      }
      case '/metrics': {
        const { contentType, body } = await options.metrics.render();
        response.writeHead(200, { 'content-type': contentType });
        response.end(body);
        return;
      }
      case '/version':
        sendJson(response, 200, versionInfo(options.version));
        return;
      default:
        sendJson(response, 404, { detail: `No route ${path}` });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeIdleConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Why /health fails because of sources: one line per down source or stream not ready.
 * @example sourceProblems([{ id: 'weather', staleness: 'down', ... }]) // ['source weather is down']
 */
export function sourceProblems(sources: SourceReport[]): string[] {
  const problems: string[] = [];
  for (const source of sources) {
    if (source.staleness === 'down') problems.push(`source ${source.id} is down`);
    if (source.kind === 'stream' && source.ready && !source.ready.ok) {
      problems.push(
        `source ${source.id} is not ready${source.ready.detail ? `: ${source.ready.detail}` : ''}`,
      );
    }
  }
  return problems;
}

function streamReadiness(sources: SourceReport[]) {
  return sources
    .filter((source) => source.kind === 'stream' && source.ready)
    .map((source) => ({ id: source.id, ...(source.ready as { ok: boolean; detail?: string }) }));
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(text);
}
