import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTarget {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The text /metrics answers from now on. */
  setMetrics(text: string): void;
  /** Answer /metrics with this status (and no metrics) from now on; 200 restores. */
  setStatus(status: number): void;
  /** How many times /metrics was read. */
  readonly scrapes: number;
  close(): Promise<void>;
}

/**
 * A component stand-in for tests: an HTTP server on a free port (port 0) serving /metrics.
 * @example const broker = await startFakeTarget('legocity_broker_entities{tenant="default",type="Vehicle"} 3\n');
 */
export async function startFakeTarget(initial = ''): Promise<FakeTarget> {
  let text = initial;
  let status = 200;
  let scrapes = 0;
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    scrapes += 1;
    response.writeHead(status, { 'content-type': 'text/plain; version=0.0.4' });
    response.end(status === 200 ? text : 'unavailable');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setMetrics: (next) => {
      text = next;
    },
    setStatus: (next) => {
      status = next;
    },
    get scrapes() {
      return scrapes;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
