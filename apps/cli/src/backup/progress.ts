/**
 * Progress of a long operation as plain lines on stderr (readable in a terminal and in a cron or
 * journal log alike): a line when a stage starts, and at most one update every few seconds.
 */
export interface Progress {
  /** A new stage: always printed. */
  stage(text: string): void;
  /** How far the current stage is: printed at most every `everyMs`. */
  update(text: string): void;
}

/**
 * A progress reporter writing `<prefix>: <text>` lines.
 * @example const progress = progressLines('legocity backup', (line) => process.stderr.write(line));
 */
export function progressLines(
  prefix: string,
  write: (text: string) => void,
  options: { everyMs?: number; now?: () => number } = {},
): Progress {
  const everyMs = options.everyMs ?? 3_000;
  const now = options.now ?? Date.now;
  let lastUpdate = 0;
  return {
    stage(text) {
      lastUpdate = now();
      write(`${prefix}: ${text}\n`);
    },
    update(text) {
      if (now() - lastUpdate < everyMs) return;
      lastUpdate = now();
      write(`${prefix}:   ${text}\n`);
    },
  };
}

/** A reporter that prints nothing (tests, nested operations). */
export const silentProgress: Progress = { stage: () => {}, update: () => {} };

/**
 * A byte count for people: 1.2 MB, 512 KB, 87 B (decimal units).
 * @example formatBytes(1_234_567) // '1.2 MB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
