import { describe, expect, expectTypeOf, it } from 'vitest';
import { loadConfig } from './load-config.js';
import type { ConfigOf } from './schema.js';
import { brokerSchema } from './test-schema.test-support.js';

const adminKey = 'k3y-0f-the-admin';

describe('loadConfig', () => {
  it('returns typed values, applying defaults for unset variables', () => {
    const result = loadConfig(brokerSchema, {
      env: { LEGOCITY_BROKER_ADMIN_KEY: adminKey, LEGOCITY_BROKER_CORS_ORIGINS: 'a.org, b.org' },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        http: { port: 1026, corsOrigins: ['a.org', 'b.org'] },
        logLevel: 'info',
        databaseUrl: undefined,
        adminKey,
        shutdownTimeout: 10_000,
        isAuthEnabled: true,
      },
    });
  });

  it('reports every problem at once, by variable name, without echoing any value', () => {
    const env = {
      LEGOCITY_BROKER_PORT: '99999',
      LEGOCITY_BROKER_LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://root:hunter2@db/city',
      LEGOCITY_BROKER_SHUTDOWN_TIMEOUT: '10',
    };
    const result = loadConfig(brokerSchema, { env });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { variable: 'LEGOCITY_BROKER_PORT', message: 'must be an integer between 1 and 65535' },
      {
        variable: 'LEGOCITY_BROKER_LOG_LEVEL',
        message: 'must be one of: debug, info, warn, error',
      },
      { variable: 'DATABASE_URL', message: 'must be a URL with protocol postgres: or postgresql:' },
      {
        variable: 'LEGOCITY_BROKER_ADMIN_KEY',
        message: 'is required (set it, or LEGOCITY_BROKER_ADMIN_KEY_FILE to a file holding it)',
      },
      {
        variable: 'LEGOCITY_BROKER_SHUTDOWN_TIMEOUT',
        message: 'must be a duration such as 500ms, 30s, 5m, 1h or 1d',
      },
    ]);
    const text = JSON.stringify(result.problems);
    for (const value of ['99999', 'loud', 'hunter2', 'mysql']) expect(text).not.toContain(value);
  });

  it('treats an empty variable as unset', () => {
    const result = loadConfig(brokerSchema, {
      env: { LEGOCITY_BROKER_ADMIN_KEY: adminKey, LEGOCITY_BROKER_PORT: '  ', DATABASE_URL: '' },
    });
    expect(result.ok && result.value.http.port).toBe(1026);
    expect(result.ok && result.value.databaseUrl).toBeUndefined();
  });

  it('does not let a caller mutate a list default through its loaded config', () => {
    const env = { LEGOCITY_BROKER_ADMIN_KEY: adminKey };
    const first = loadConfig(brokerSchema, { env });
    if (first.ok) first.value.http.corsOrigins.push('evil.example');
    const second = loadConfig(brokerSchema, { env });
    expect(second.ok && second.value.http.corsOrigins).toEqual([]);
  });

  it('types optional fields as possibly undefined and others as their value type', () => {
    type Config = ConfigOf<typeof brokerSchema>;
    expectTypeOf<Config['http']['port']>().toEqualTypeOf<number>();
    expectTypeOf<Config['databaseUrl']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Config['logLevel']>().toEqualTypeOf<'debug' | 'info' | 'warn' | 'error'>();
    expectTypeOf<Config['http']['corsOrigins']>().toEqualTypeOf<string[]>();
    expectTypeOf<Config['isAuthEnabled']>().toEqualTypeOf<boolean>();
  });
});

describe('loadConfig with <NAME>_FILE', () => {
  const files: Record<string, string> = { '/run/secrets/admin': `${adminKey}\n` };
  const readFile = (path: string): string => {
    const content = files[path];
    if (content === undefined) {
      throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    }
    return content;
  };

  it('reads a secret from the named file without its trailing newline', () => {
    const env = { LEGOCITY_BROKER_ADMIN_KEY_FILE: '/run/secrets/admin' };
    const result = loadConfig(brokerSchema, { env, readFile });
    expect(result.ok && result.value.adminKey).toBe(adminKey);
  });

  it('refuses a variable set both directly and through a file', () => {
    const env = {
      LEGOCITY_BROKER_ADMIN_KEY: adminKey,
      LEGOCITY_BROKER_ADMIN_KEY_FILE: '/run/secrets/admin',
    };
    expect(loadConfig(brokerSchema, { env, readFile })).toEqual({
      ok: false,
      problems: [
        {
          variable: 'LEGOCITY_BROKER_ADMIN_KEY',
          message: 'is set together with LEGOCITY_BROKER_ADMIN_KEY_FILE; set only one of them',
        },
      ],
    });
  });

  it('names the _FILE variable, with the error code only, when the file cannot be read', () => {
    const env = { LEGOCITY_BROKER_ADMIN_KEY_FILE: '/run/secrets/missing' };
    expect(loadConfig(brokerSchema, { env, readFile })).toEqual({
      ok: false,
      problems: [
        {
          variable: 'LEGOCITY_BROKER_ADMIN_KEY_FILE',
          message: 'names a file that cannot be read (ENOENT)',
        },
      ],
    });
  });

  it('names the _FILE variable when the file content is invalid', () => {
    files['/run/secrets/short'] = 'abc\n';
    const env = { LEGOCITY_BROKER_ADMIN_KEY_FILE: '/run/secrets/short' };
    const result = loadConfig(brokerSchema, { env, readFile });
    expect(!result.ok && result.problems).toEqual([
      { variable: 'LEGOCITY_BROKER_ADMIN_KEY_FILE', message: 'must be at least 8 characters long' },
    ]);
  });

  it('reports an empty file, and a file variable when no reader was given', () => {
    files['/run/secrets/empty'] = '\n';
    const env = { LEGOCITY_BROKER_ADMIN_KEY_FILE: '/run/secrets/empty' };
    const withReader = loadConfig(brokerSchema, { env, readFile });
    const withoutReader = loadConfig(brokerSchema, { env });
    expect(!withReader.ok && withReader.problems[0]?.message).toBe('names an empty file');
    expect(!withoutReader.ok && withoutReader.problems[0]?.message).toBe(
      'names a file, but this program was started without a file reader',
    );
  });
});
