import { describe, expect, it } from 'vitest';
import { describeConfig } from './describe-config.js';
import { string } from './fields/string-field.js';
import { formatConfigTable } from './format-config-table.js';
import { formatProblems } from './format-problems.js';
import { brokerSchema } from './test-schema.test-support.js';

describe('describeConfig', () => {
  it('lists every variable in declaration order with its type, default and flags', () => {
    const rows = describeConfig(brokerSchema);
    expect(rows.map((row) => row.variable)).toEqual([
      'LEGOCITY_BROKER_PORT',
      'LEGOCITY_BROKER_CORS_ORIGINS',
      'LEGOCITY_BROKER_LOG_LEVEL',
      'DATABASE_URL',
      'LEGOCITY_BROKER_ADMIN_KEY',
      'LEGOCITY_BROKER_SHUTDOWN_TIMEOUT',
      'LEGOCITY_BROKER_AUTH_ENABLED',
    ]);
    expect(rows[0]).toEqual({
      key: 'http.port',
      variable: 'LEGOCITY_BROKER_PORT',
      type: 'integer (1–65535)',
      default: '1026',
      isRequired: false,
      isSecret: false,
      description: 'Port the broker listens on.',
    });
    expect(rows.find((row) => row.key === 'shutdownTimeout')?.default).toBe('10s');
    expect(rows.find((row) => row.key === 'adminKey')).toMatchObject({
      isRequired: true,
      isSecret: true,
    });
  });

  it('never shows the default of a secret', () => {
    const schema = { token: string({ env: 'TOKEN', secret: true, default: 'dev-token' }) };
    expect(describeConfig(schema)[0]?.default).toBeUndefined();
  });
});

describe('formatConfigTable', () => {
  it('renders a Markdown table that points secrets to their _FILE variable', () => {
    const table = formatConfigTable(describeConfig(brokerSchema)).split('\n');
    expect(table[0]).toBe('| Variable | Type | Default | Description |');
    expect(table[2]).toBe(
      '| `LEGOCITY_BROKER_PORT` | integer (1–65535) | `1026` | Port the broker listens on. |',
    );
    expect(table).toContain(
      '| `LEGOCITY_BROKER_ADMIN_KEY` or `LEGOCITY_BROKER_ADMIN_KEY_FILE` (secret) | string | **required** |  |',
    );
    expect(table).toContain(
      '| `LEGOCITY_BROKER_LOG_LEVEL` | one of: debug, info, warn, error | `info` |  |',
    );
  });

  it('escapes pipes so a description cannot break the table', () => {
    const schema = { mode: string({ env: 'MODE', optional: true, description: 'a | b' }) };
    expect(formatConfigTable(describeConfig(schema))).toContain(
      '| `MODE` | string | (unset) | a \\| b |',
    );
  });
});

describe('formatProblems', () => {
  it('lists one problem per line under a heading', () => {
    const problems = [
      { variable: 'LEGOCITY_BROKER_PORT', message: 'must be an integer between 1 and 65535' },
      { variable: 'DATABASE_URL', message: 'must be a URL with protocol postgres:' },
    ];
    expect(formatProblems(problems)).toBe(
      'Configuration is invalid:\n' +
        '- LEGOCITY_BROKER_PORT: must be an integer between 1 and 65535\n' +
        '- DATABASE_URL: must be a URL with protocol postgres:',
    );
  });
});
