import { adminKeyOf } from '../config.js';
import { runSeed } from '../seed/run-seed.js';
import { planSeed } from '../seed/seed-plan.js';
import { EXIT, loadCliConfig, type Output } from './context.js';

/**
 * `legocity seed demo|<mapping.json>`: load the demo city's snapshot, or a CSV/GeoJSON dataset
 * described by an open-data mapping file, into the broker once — the update servers' own loader,
 * so rows are checked the same way (bad ones reported by line, the rest loaded) and ids are
 * stable: loading the same data again updates the same entities, never duplicates them.
 */
export async function seedCommand(what: string, output: Output): Promise<number> {
  const config = loadCliConfig(output);
  if (!config) return EXIT.usage;
  const key = adminKeyOf(config);
  if (!key) {
    output.err(
      'legocity seed: no broker admin key: set LEGOCITY_CLI_ADMIN_KEY_FILE (or run where `<dataDir>/broker/admin.key` exists)\n',
    );
    return EXIT.usage;
  }
  const planned = await planSeed(what, key);
  if (!planned.ok) {
    output.err(`legocity seed: ${planned.problem}\n`);
    return EXIT.usage;
  }
  output.err(`Loading ${planned.plan.describe} into ${config.brokerUrl}…\n`);
  const result = await runSeed(planned.plan, {
    brokerUrl: config.brokerUrl,
    env: output.env,
    onProblem: (line) => output.err(`  ${line}\n`),
  });
  for (const source of result.sources) {
    const t = source.totals;
    output.out(
      `${source.id}: ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.rejected} rejected\n`,
    );
  }
  if (result.code !== 0)
    output.err(`legocity seed: the load failed (exit ${result.code}); the lines above say why\n`);
  return result.code === 0 ? EXIT.ok : result.code === 2 ? EXIT.usage : EXIT.problem;
}
