import { describe, expect, it } from 'vitest';
import { brokerDump } from './broker-dump.test-support.js';
import { DumpReader } from './dump-reader.js';

const TABLES = [
  {
    name: 'api_key',
    rows: [
      ['k1', 'admin'],
      ['k2', null],
    ],
  },
  { schema: 'tenant_default', name: 'entity', rows: [['urn:a', '{"t":1}']] },
  { schema: 'tenant_default', name: 'entity_change', rows: [] },
];

/** Feed a text to a reader in chunks of `size` bytes. */
function read(text: string, size: number): DumpReader {
  const reader = new DumpReader();
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
  return reader;
}

describe('DumpReader', () => {
  it('returns the end summary of a whole dump, however it is chunked', () => {
    const { text, summary } = brokerDump(TABLES);
    for (const size of [1, 7, 64, text.length]) {
      const reader = read(text, size);
      expect(reader.finish()).toEqual(summary);
      expect(reader.header?.brokerVersion).toBe('0.1.0');
      expect([reader.tables, reader.rows]).toEqual([3, 3]);
    }
  });

  it('refuses a dump cut before its end line', () => {
    const { text } = brokerDump(TABLES);
    const cut = text.slice(0, text.lastIndexOf('{"end"'));
    expect(() => read(cut, 50).finish()).toThrow(/ends without its end line/);
  });

  it('names the table whose rows do not match its tableEnd line', () => {
    const { text } = brokerDump(TABLES);
    const altered = text.replace('["k2",null]', '["k3",null]');
    expect(() => read(altered, 50)).toThrow(
      /line 5 \(table legocity\.api_key\): table legocity\.api_key has 2 rows .* but its tableEnd/,
    );
  });

  it('refuses something that is not a broker dump', () => {
    expect(() => read('{"hello":1}\n', 10)).toThrow(
      /line 1: the first line is not a legocity-broker-dump header/,
    );
    expect(() => read('not json\n', 10)).toThrow(/line 1: is not valid JSON/);
  });
});
