import { spawn, type ChildProcess } from 'node:child_process';

const RUNNER = new URL('./mqtt-updater-runner.ts', import.meta.url).pathname;

/** The last stats line of the runner. */
export interface RunnerStats {
  received: number;
  acknowledged: number;
  refused: number;
  sessionsLost: number;
  pending: number;
  outboxPending: number;
}

/** A running update server child process (see mqtt-updater-runner.ts). */
export interface MqttUpdaterProcess {
  child: ChildProcess;
  stats(): RunnerStats | undefined;
  output(): string;
  /** Resolves once its MQTT session is up; rejects with its output if it exits first. */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGKILL: no shutdown at all, as a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Start the MQTT update server in a child process with these settings (see mqtt-updater-runner.ts).
 * @example const updater = startMqttUpdater({ LEGOCITY_UPDATERS_MQTT_URL: url, … }); await updater.ready();
 */
export function startMqttUpdater(settings: Record<string, string>): MqttUpdaterProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', RUNNER, JSON.stringify(settings)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let pendingLine = '';
  let isReady = false;
  let stats: RunnerStats | undefined;
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pendingLine + chunk.toString()).split('\n');
    pendingLine = lines.pop() ?? '';
    for (const line of lines) {
      const event = JSON.parse(line) as { event: string } & RunnerStats;
      if (event.event === 'ready') isReady = true;
      else if (event.event === 'stats') stats = event;
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    stats: () => stats,
    output: () => output,
    async ready(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!isReady) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`MQTT updater exited before it was ready:\n${output}`);
        if (Date.now() > deadline) throw new Error(`MQTT updater not ready in time:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
