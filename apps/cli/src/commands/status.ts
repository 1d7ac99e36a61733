import { collectStatus } from '../status/collect-status.js';
import { formatStatus } from '../status/format-status.js';
import { EXIT, loadCliConfig, type Output } from './context.js';

/**
 * `legocity status [--json]`: each component's health and version, the update servers' last
 * runs and staleness, entity counts by type, firing alerts. Exit 1 when a component is not ok.
 */
export async function statusCommand(options: { json?: boolean }, output: Output): Promise<number> {
  const config = loadCliConfig(output);
  if (!config) return EXIT.usage;
  const status = await collectStatus(config, { timeoutMs: config.timeout });
  output.out(options.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
  return status.components.every((c) => c.state === 'ok') ? EXIT.ok : EXIT.problem;
}
