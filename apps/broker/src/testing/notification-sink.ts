import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One notification a sink received. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: { subscriptionId: string; data: Record<string, unknown>[]; [key: string]: unknown };
  at: number;
}

/**
 * A local HTTP endpoint that records the notifications POSTed to it, for tests and benchmarks.
 * `failWith` makes it answer an error status; `stop()`/`start()` take it down and bring it back
 * on the same port.
 * @example const sink = await startNotificationSink(); … await sink.waitFor((all) => all.length === 2)
 */
export class NotificationSink {
  readonly received: Received[] = [];
  failWith: number | undefined;
  private server: Server | undefined;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/notify`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (this.failWith) {
          response.writeHead(this.failWith).end();
          return;
        }
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'];
          this.received.push({ headers: request.headers, body, at: Date.now() });
          response.writeHead(204).end();
        } catch {
          response.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Every entity received so far, in arrival order. */
  entities(): Record<string, unknown>[] {
    return this.received.flatMap((notification) => notification.body.data);
  }

  /** Wait until `done` holds for what was received; throws after `timeoutMs`. */
  async waitFor(done: (received: Received[]) => boolean, timeoutMs = 10_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.received)) {
      if (Date.now() > deadline)
        throw new Error(
          `sink: condition not met within ${timeoutMs} ms; received ${JSON.stringify(this.received.map((r) => r.body))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.received;
  }
}

/** Start a sink on a free local port. */
export async function startNotificationSink(): Promise<NotificationSink> {
  const sink = new NotificationSink();
  await sink.start();
  return sink;
}
