/**
 * Start broker processes the way an operator does (node + tsx on the sources), for process tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const MAIN = new URL('../../apps/broker/src/main.ts', import.meta.url).pathname;

export interface RunningBroker {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawn a broker process with these environment variables (on top of this process's). */
export function runBroker(env: Record<string, string>): RunningBroker {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
    env: { ...process.env, LEGOCITY_BROKER_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    url: `http://127.0.0.1:${env.LEGOCITY_BROKER_PORT ?? '1026'}`,
    output: () => output,
    exited,
  };
}

/** Wait until the broker answers /health/ready (fails with its output after the timeout). */
export async function waitReady(broker: RunningBroker, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${broker.url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`broker not ready in time:\n${broker.output()}`);
}

/** A port number unlikely to be taken (process tests run in parallel). */
export const freePort = (): string => String(20_000 + Math.floor(Math.random() * 20_000));
