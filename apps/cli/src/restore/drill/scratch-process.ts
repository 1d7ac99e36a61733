import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A process the drill started; stopped by its pid, whatever happens. */
export interface ScratchProcess {
  name: string;
  pid: number;
  /** The last lines it printed (diagnostics when it does not become ready). */
  output(): string;
  exitCode(): number | null;
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Start a Node program for the drill with exactly the environment given (no inherited settings:
 * a production DATABASE_URL must never reach a scratch component).
 * @example const broker = startScratchProcess({ name: 'broker', script, args: [], env });
 */
export function startScratchProcess(options: {
  name: string;
  script: string;
  args?: string[];
  cwd?: string;
  env: Record<string, string>;
}): ScratchProcess {
  const child: ChildProcess = spawn(process.execPath, [options.script, ...(options.args ?? [])], {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.cwd && { cwd: options.cwd }),
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let code: number | null = null;
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (exitCode) => {
      code = exitCode;
      hasExited = true;
      resolve();
    }),
  );
  return {
    name: options.name,
    pid: child.pid ?? 0,
    output: () => output,
    exitCode: () => (hasExited ? (code ?? -1) : null),
    async stop(timeoutMs = 15_000) {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Wait until `url` answers 200; fails when the process exits or the time is up, with its output.
 * @example await waitReady(broker, `${url}/health/ready`, 120_000);
 */
export async function waitReady(
  child: ScratchProcess,
  url: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (signal?.aborted) throw new Error('interrupted');
    if (child.exitCode() !== null)
      throw new Error(
        `the scratch ${child.name} exited (${child.exitCode()}) before it was ready:\n${indent(child.output())}`,
      );
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      async (response) => (await response.arrayBuffer(), response.ok),
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(
    `the scratch ${child.name} was not ready within ${timeoutMs / 1000} s:\n${indent(child.output())}`,
  );
}

/** A TCP port free on 127.0.0.1 right now (asked from the system, not guessed). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function indent(text: string): string {
  const tail = text.trim().split('\n').slice(-15);
  return tail.length > 0 && tail[0] !== ''
    ? tail.map((line) => `      ${line}`).join('\n')
    : '      (no output)';
}
