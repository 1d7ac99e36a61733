import { createHash } from 'node:crypto';
import type { BrokerSummary } from './manifest.js';

export interface DumpTableSpec {
  schema?: string;
  name: string;
  rows: (string | null)[][];
}

/**
 * A well-formed broker dump (NDJSON, decision 0010) and its end summary, for tests.
 * @example const { text, summary } = brokerDump([{ name: 'entity', rows: [['urn:a', '{}']] }]);
 */
export function brokerDump(
  tables: DumpTableSpec[],
  entities: BrokerSummary['entities'] = { _default: { 'https://example.org/Sensor': 1 } },
): { text: string; summary: BrokerSummary } {
  const lines = [
    JSON.stringify({
      format: 'legocity-broker-dump',
      formatVersion: 1,
      brokerVersion: '0.1.0',
      driver: 'pglite',
      createdAt: '2026-12-07T10:00:00.000Z',
      migrations: { global: 3, tenants: { tenant_default: 4 } },
    }),
  ];
  const summaries: BrokerSummary['tables'] = [];
  for (const table of tables) {
    const schema = table.schema ?? 'legocity';
    const columns = (table.rows[0] ?? ['x']).map((_, i) => ({ name: `c${i}`, type: 'text' }));
    lines.push(JSON.stringify({ table: { schema, name: table.name, columns } }));
    const hash = createHash('sha256');
    for (const row of table.rows) {
      const line = JSON.stringify(row);
      hash.update(`${line}\n`);
      lines.push(line);
    }
    const summary = {
      schema,
      name: table.name,
      rows: table.rows.length,
      sha256: hash.digest('hex'),
    };
    summaries.push(summary);
    lines.push(JSON.stringify({ tableEnd: summary }));
  }
  const summary = { tables: summaries, entities };
  lines.push(JSON.stringify({ end: summary }));
  return { text: `${lines.join('\n')}\n`, summary };
}
