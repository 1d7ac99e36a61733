import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Every process this run started and has not yet seen exit: stopAll() ends them by PID. */
const running = new Set();

/**
 * Start a long-running child (broker, no-op server) with its output kept for error messages.
 * The child runs `node` directly, not through a shell, so its PID is the one we signal.
 * @example const broker = startProcess('broker', ['apps/broker/dist/main.js'], { env });
 */
export function startProcess(name, args, { env = process.env, cwd } = {}) {
  const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    // Keep the tail only: a broker logging warnings for minutes must not fill our memory.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const handle = {
    name,
    pid: child.pid,
    child,
    output: () => output,
    exited: new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    ),
  };
  running.add(handle);
  void handle.exited.then(() => running.delete(handle));
  return handle;
}

/**
 * Stop a child by its PID: SIGTERM (graceful: the broker drains and closes its pool), then
 * SIGKILL if it has not exited after `timeoutMs`.
 */
export async function stopProcess(handle, timeoutMs = 10_000) {
  if (handle.child.exitCode !== null || handle.child.signalCode !== null) return handle.exited;
  handle.child.kill('SIGTERM');
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const first = await Promise.race([handle.exited, timedOut]);
  clearTimeout(timer);
  if (first !== 'timeout') return first;
  process.stderr.write(
    `${handle.name} (pid ${handle.pid}) ignored SIGTERM for ${timeoutMs} ms; sending SIGKILL\n`,
  );
  handle.child.kill('SIGKILL');
  return handle.exited;
}

/** Stop every child still running (used on failure and on Ctrl-C). */
export async function stopAll() {
  await Promise.all([...running].map((handle) => stopProcess(handle, 5_000)));
}

/**
 * Run a short-lived child script that prints ONE JSON line (its result) last on stdout.
 * Its stderr passes through so progress stays visible; a non-zero exit rejects.
 * @example const result = await runChild('bench/batch-client.mjs', { target: 'pg', … });
 */
export async function runChild(script, input, { nodeArgs = [] } = {}) {
  const handle = startProcess(script, [...nodeArgs, script, JSON.stringify(input)]);
  handle.child.stderr.pipe(process.stderr);
  let stdout = '';
  handle.child.stdout.on('data', (chunk) => {
    stdout += chunk.toString();
  });
  const { code, signal } = await handle.exited;
  if (code !== 0) throw new Error(`${script} failed (exit ${code ?? signal}):\n${handle.output()}`);
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last);
}

/** Poll `url` until it answers 200 or `timeoutMs` passes; fail early if `handle` exits. */
export async function waitForHttp(url, handle, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (handle.child.exitCode !== null) {
      throw new Error(
        `${handle.name} exited (code ${handle.child.exitCode}) before ${url} was ready:\n${handle.output()}`,
      );
    }
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms:\n${handle.output()}`);
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
