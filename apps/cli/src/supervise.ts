import { spawn, type ChildProcess } from 'node:child_process';

/** One component of the platform: a Node entry point, its environment, its readiness URL. */
export interface Component {
  name: string;
  script: string;
  /** Arguments after the script. */
  args?: string[];
  /** Working folder; default this process's. */
  cwd?: string;
  env: NodeJS.ProcessEnv;
  readyUrl: string;
}

/** What the supervisor tells the operator. */
export interface SupervisorEvents {
  started(name: string, pid: number): void;
  ready(name: string): void;
  exited(name: string, code: number | null, restartInMs: number | undefined): void;
}

export interface Supervised {
  /** Resolves when every component answered its readiness URL once. */
  ready: Promise<void>;
  /** SIGTERM to every component (last started first), SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Start components in order, each once the one before is ready; restart one that exits with
 * capped exponential backoff (reset after a minute of good health); stop them all on demand.
 * @example const set = supervise([broker, updaters], events); await set.ready; … await set.stop();
 */
export function supervise(components: readonly Component[], events: SupervisorEvents): Supervised {
  const children = new Map<string, ChildProcess>();
  let isStopping = false;

  const launch = (component: Component, restarts: number): void => {
    const child = spawn(process.execPath, [component.script, ...(component.args ?? [])], {
      env: component.env,
      ...(component.cwd && { cwd: component.cwd }),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.set(component.name, child);
    const startedAt = Date.now();
    events.started(component.name, child.pid ?? 0);
    child.on('exit', (code) => {
      children.delete(component.name);
      if (isStopping) return events.exited(component.name, code, undefined);
      const healthy = Date.now() - startedAt > 60_000;
      const attempt = healthy ? 0 : restarts + 1;
      const delay = Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** attempt);
      events.exited(component.name, code, delay);
      setTimeout(() => {
        if (!isStopping) launch(component, attempt);
      }, delay).unref();
    });
  };

  const ready = (async () => {
    for (const component of components) {
      launch(component, 0);
      await waitUntilReady(component.readyUrl, () => isStopping);
      events.ready(component.name);
    }
  })();

  return {
    ready,
    async stop(timeoutMs = 20_000) {
      isStopping = true;
      for (const component of [...components].reverse()) {
        const child = children.get(component.name);
        if (!child || child.exitCode !== null) continue;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

async function waitUntilReady(url: string, isStopping: () => boolean): Promise<void> {
  for (;;) {
    if (isStopping()) throw new Error('stopped before it was ready');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
