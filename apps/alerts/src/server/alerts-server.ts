import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { healthHttpStatus, versionInfo, type Health, type Metrics } from '@legocity/observability';
import type { AlertsView } from '../evaluate/alerts-view.js';
import { messages } from '../messages.js';

export interface AlertsServerOptions {
  port: number;
  host: string;
  view: () => AlertsView;
  health: Health;
  metrics: Pick<Metrics, 'render'>;
  version: { component: string; version: string; commit: string; startedAt: Date };
}

export interface AlertsServer {
  /** e.g. "http://127.0.0.1:4042" */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The alerts service's HTTP endpoints, on node:http (read-only, JSON and Prometheus text):
 * `GET /alerts` (targets and pending/firing alerts), `/health`, `/health/live`, `/health/ready`
 * (ready once the rules were evaluated), `/metrics`, `/version`.
 * @example const server = await startAlertsServer({ port: 4042, host: '127.0.0.1', view, health, metrics, version });
 */
export async function startAlertsServer(options: AlertsServerOptions): Promise<AlertsServer> {
  const server = createServer((request, response) => {
    void route(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, { detail: messages.internalError() });
      else response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      sendJson(response, 405, { detail: messages.methodNotAllowed(request.method ?? '') });
      return;
    }
    switch (path) {
      case '/alerts':
        sendJson(response, 200, options.view());
        return;
      case '/health/live':
        sendJson(response, 200, options.health.liveness());
        return;
      case '/health/ready': {
        const report = await options.health.readiness();
        sendJson(response, healthHttpStatus(report), report);
        return;
      }
      case '/health': {
        const summary = await options.health.summary();
        sendJson(response, healthHttpStatus(summary), summary);
        return;
      }
      case '/metrics': {
        const { contentType, body } = await options.metrics.render();
        response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
        response.end(body);
        return;
      }
      case '/version':
        sendJson(response, 200, versionInfo(options.version));
        return;
      default:
        sendJson(response, 404, { detail: messages.noRoute(path) });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
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

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}
