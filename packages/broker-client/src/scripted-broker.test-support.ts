/**
 * A stand-in broker for tests: a real node:http server on a free port that records every request
 * and answers from a script. Real sockets, so headers, timeouts and retries are exercised as they
 * are against Orion-LD or our own broker.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

export interface ScriptedBroker {
  url: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; once used up, `otherwise` answers. */
  reply(...replies: ScriptedReply[]): void;
  /** Answers every request not covered by `reply`; default 404. */
  otherwise(handler: (request: RecordedRequest) => ScriptedReply): void;
  close(): Promise<void>;
}

export async function startScriptedBroker(): Promise<ScriptedBroker> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  let fallback = (_request: RecordedRequest): ScriptedReply => ({ status: 404 });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://scripted.invalid');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: text === '' ? undefined : JSON.parse(text),
      };
      requests.push(recorded);
      void answer(res, queue.shift() ?? fallback(recorded));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    otherwise: (handler) => {
      fallback = handler;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(res: ServerResponse, reply: ScriptedReply): Promise<void> {
  if (reply.delayMs) await sleep(reply.delayMs);
  if (res.destroyed) return;
  const hasBody = reply.body !== undefined;
  const headers = { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...reply.headers };
  res.writeHead(reply.status, headers);
  res.end(hasBody ? JSON.stringify(reply.body) : undefined);
}

/** A ProblemDetails body as brokers send it. */
export function problem(
  errorType: string,
  detail: string,
  status: number,
): Record<string, unknown> {
  return {
    type: `https://uri.etsi.org/ngsi-ld/errors/${errorType}`,
    title: errorType,
    status,
    detail,
  };
}
