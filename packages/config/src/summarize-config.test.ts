import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';
import { maskUrlPassword } from './mask-url-password.js';
import { summarizeConfig } from './summarize-config.js';
import { brokerSchema } from './test-schema.test-support.js';

describe('summarizeConfig', () => {
  it('redacts secrets, masks URL passwords and shows unset values as null', () => {
    const loaded = loadConfig(brokerSchema, {
      env: {
        LEGOCITY_BROKER_ADMIN_KEY: 'k3y-0f-the-admin',
        DATABASE_URL: 'postgres://app:hunter2@db:5432/city',
        LEGOCITY_BROKER_CORS_ORIGINS: 'https://u:pw@a.org',
      },
    });
    if (!loaded.ok) throw new Error('fixture should load');
    const summary = summarizeConfig(brokerSchema, loaded.value);
    expect(summary).toEqual({
      http: { port: 1026, corsOrigins: ['https://u:***@a.org'] },
      logLevel: 'info',
      databaseUrl: 'postgres://app:***@db:5432/city',
      adminKey: '[redacted]',
      shutdownTimeout: 10_000,
      isAuthEnabled: true,
    });
    expect(JSON.stringify(summary)).not.toMatch(/hunter2|k3y-0f|:pw@/);
  });

  it('shows an unset optional value as null so the log keeps the key', () => {
    const loaded = loadConfig(brokerSchema, { env: { LEGOCITY_BROKER_ADMIN_KEY: 'long-enough' } });
    if (!loaded.ok) throw new Error('fixture should load');
    expect(summarizeConfig(brokerSchema, loaded.value)).toHaveProperty('databaseUrl', null);
  });
});

describe('maskUrlPassword', () => {
  it.each([
    ['postgres://app:s3cret@db:5432/city', 'postgres://app:***@db:5432/city'],
    ['postgres://app:p@ss@db/city', 'postgres://app:***@db/city'],
    ['mqtt://:token@broker', 'mqtt://:***@broker'],
    ['see redis://a:b@r:6379 and http://c:d@e/', 'see redis://a:***@r:6379 and http://c:***@e/'],
  ])('masks the password in %j', (text, masked) => {
    expect(maskUrlPassword(text)).toBe(masked);
  });

  it.each(['https://broker:1026/ngsi-ld?mail=a@b.org', 'https://user@host/', 'no url here'])(
    'leaves %j unchanged',
    (text) => {
      expect(maskUrlPassword(text)).toBe(text);
    },
  );
});
