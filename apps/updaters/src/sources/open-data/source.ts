import { readFile } from 'node:fs/promises';
import { PermanentError, type PolledSource } from '@legocity/updater-runtime';
import type { OpenDataConfig } from './config.js';
import { openDataContract } from './contract.js';
import { transformOpenData } from './transform.js';

// Logged one per line up to this many; beyond, a count (a broken export can have 100 000 rows).
const MAX_LOGGED_PROBLEMS = 50;

/**
 * A CSV or GeoJSON file (path or http(s) URL) loaded into entities by a column → attribute
 * mapping, once at start-up and then every `every` (default a day). Bad rows are logged by line
 * number and left out; the run fails (permanent) only when the file cannot be read at all or no
 * row could be mapped.
 * @example runtime.add(createOpenDataSource(readOpenDataConfig().value))
 */
export function createOpenDataSource(config: OpenDataConfig): PolledSource<string> {
  const { mapping } = config;
  const contract = openDataContract(mapping);
  return {
    kind: 'polled',
    id: mapping.name === 'default' ? 'open-data' : `open-data-${mapping.name}`,
    title: `Open data: ${mapping.entityType} from ${mapping.format === 'csv' ? 'CSV' : 'GeoJSON'}`,
    entityTypes: [contract.type],
    contracts: [contract],
    // An interval schedule: the runtime runs a source at start, then every period.
    schedule: { every: config.every },
    periodMs: config.every,
    graceMs: config.every,
    async fetch(context) {
      if (/^https?:\/\//i.test(mapping.source)) {
        const { body } = await context.get<string>(mapping.source, { as: 'text' });
        return body;
      }
      try {
        return await readFile(mapping.source, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new PermanentError(
          'parse',
          `Open-data file ${mapping.source} cannot be read (${code})`,
          { cause: error },
        );
      }
    },
    transform(text, context) {
      const result = transformOpenData(text, mapping);
      if (!result.ok) throw new PermanentError('parse', result.message);
      const { entities, problems } = result;
      for (const problem of problems.slice(0, MAX_LOGGED_PROBLEMS)) {
        context.log.warn({ problem }, `Open-data row skipped: ${problem}`);
      }
      if (problems.length > MAX_LOGGED_PROBLEMS) {
        context.log.warn(
          { skipped: problems.length },
          `Open-data: ${problems.length - MAX_LOGGED_PROBLEMS} more rows skipped`,
        );
      }
      if (entities.length === 0 && problems.length > 0) {
        throw new PermanentError('transform', `No open-data row could be loaded: ${problems[0]}`);
      }
      return entities;
    },
  };
}
