import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookMessage } from '../webhook/alertmanager-message.js';

export interface WebhookReceiver {
  /** The receiver's URL with a token in its query, as real webhook URLs often carry one. */
  url: string;
  /** Bodies of the requests answered 2xx, in order. */
  readonly received: WebhookMessage[];
  /** The Authorization header of each request answered 2xx. */
  readonly authorizations: (string | undefined)[];
  /** Every request, whatever it was answered. */
  readonly attempts: number;
  /** Answer the next requests with these statuses, then 200 again. */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

/**
 * A webhook receiver for tests, on a free port: records Alertmanager-style POSTs.
 * @example const receiver = await startWebhookReceiver(); receiver.failNext(503);
 */
export async function startWebhookReceiver(token = 'receiver-token-123'): Promise<WebhookReceiver> {
  const received: WebhookMessage[] = [];
  const authorizations: (string | undefined)[] = [];
  const failures: number[] = [];
  let attempts = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      attempts += 1;
      const status = failures.shift() ?? 200;
      if (status === 200) {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookMessage);
        authorizations.push(request.headers.authorization);
      }
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/legocity?token=${token}`,
    received,
    authorizations,
    get attempts() {
      return attempts;
    },
    failNext: (...statuses) => failures.push(...statuses),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
