import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface MosquittoOptions {
  /** Mosquitto's `max_queued_messages`: QoS 1 messages held per offline or slow client. */
  maxQueuedMessages: number;
  /** Keep sessions and queues across a restart of this Mosquitto (`persistence true`). */
  persistence?: boolean;
}

/** A Mosquitto of our own on a free local port, for tests that need its queue settings. */
export interface TestMosquitto {
  url: string;
  port: number;
  /** Everything it logged (its log file, then its own output). */
  output(): Promise<string>;
  stop(): Promise<void>;
  /** Stop, then start again on the same port with the same files. */
  restart(): Promise<void>;
}

/**
 * Start `mosquitto` (the Debian package's binary, as in CI) with its own configuration file.
 * @example const mosquitto = await startMosquitto({ maxQueuedMessages: 100 }); … await mosquitto.stop();
 */
export async function startMosquitto(options: MosquittoOptions): Promise<TestMosquitto> {
  const dir = await mkdtemp(join(tmpdir(), 'legocity-mosquitto-'));
  const port = await freeTcpPort();
  const config = join(dir, 'mosquitto.conf');
  await writeFile(
    config,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      `persistence ${options.persistence ? 'true' : 'false'}`,
      `persistence_location ${dir}/`,
      `max_queued_messages ${options.maxQueuedMessages}`,
      // Run as whoever runs the tests (mosquitto would switch from root to user "mosquitto").
      `user ${userInfo().username}`,
      `log_dest file ${join(dir, 'mosquitto.log')}`,
      '',
    ].join('\n'),
  );
  let output = '';
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn('mosquitto', ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = started;
    await waitForPort(port, started, () => output);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    output: async () =>
      `${await readFile(join(dir, 'mosquitto.log'), 'utf8').catch(() => '')}${output}`,
    stop,
    async restart() {
      await stop();
      await start();
    },
  };
}

/** A TCP port nobody listens on right now. */
export async function freeTcpPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited:\n${output()}`);
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (isOpen) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`mosquitto did not listen on ${port} in time:\n${output()}`);
}
