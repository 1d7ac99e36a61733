import { JOBS, type Component } from '../rules/rule.js';

/** A component the service scrapes, labelled as Prometheus would label it. */
export interface Target {
  name: Component;
  /** The component's origin; /metrics is read from it. */
  url: string;
  /** `job` label, e.g. `legocity-broker` (deploy/prometheus/prometheus.yml uses the same). */
  job: string;
  /** `instance` label: host:port of the URL. */
  instance: string;
}

/**
 * The target of one component at one origin.
 * @example targetOf('broker', 'http://127.0.0.1:1026') // { job: 'legocity-broker', instance: '127.0.0.1:1026', … }
 */
export function targetOf(name: Component, url: string): Target {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return { name, url, job: JOBS[name], instance: `${parsed.hostname}:${port}` };
}
