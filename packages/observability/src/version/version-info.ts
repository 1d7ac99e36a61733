/** The body of GET /version. */
export interface VersionInfo {
  component: string;
  version: string;
  commit: string;
  /** `process.version`, e.g. `v20.19.0`: support questions start here. */
  node: string;
  startedAt: string;
  uptimeSeconds: number;
}

export interface VersionInfoOptions {
  component: string;
  version: string;
  commit: string;
  startedAt: Date;
  /** Default: the current time. */
  now?: Date;
}

/**
 * What is running, since when: the /version payload.
 * @example
 * const startedAt = new Date();
 * app.get('/version', () => versionInfo({ component: 'broker', version, commit, startedAt }));
 */
export function versionInfo(options: VersionInfoOptions): VersionInfo {
  const now = options.now ?? new Date();
  return {
    component: options.component,
    version: options.version,
    commit: options.commit,
    node: process.version,
    startedAt: options.startedAt.toISOString(),
    uptimeSeconds: uptimeSeconds(options.startedAt, now),
  };
}

/**
 * Whole seconds since `startedAt` (never negative, should the clock step back).
 * @example uptimeSeconds(new Date(Date.now() - 90_500)) // 90
 */
export function uptimeSeconds(startedAt: Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / 1000));
}
