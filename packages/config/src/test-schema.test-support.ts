import { boolean } from './fields/boolean-field.js';
import { duration } from './fields/duration-field.js';
import { list } from './fields/list-field.js';
import { integer } from './fields/number-field.js';
import { oneOf } from './fields/one-of-field.js';
import { string } from './fields/string-field.js';
import { url } from './fields/url-field.js';

/** A broker-like schema shared by this package's tests. */
export const brokerSchema = {
  http: {
    port: integer({
      env: 'LEGOCITY_BROKER_PORT',
      min: 1,
      max: 65535,
      default: 1026,
      description: 'Port the broker listens on.',
    }),
    corsOrigins: list({ env: 'LEGOCITY_BROKER_CORS_ORIGINS', default: [] }),
  },
  logLevel: oneOf(['debug', 'info', 'warn', 'error'], {
    env: 'LEGOCITY_BROKER_LOG_LEVEL',
    default: 'info',
  }),
  databaseUrl: url({
    env: 'DATABASE_URL',
    protocols: ['postgres:', 'postgresql:'],
    optional: true,
    description: 'PostgreSQL connection string; the embedded database is used when unset.',
  }),
  adminKey: string({ env: 'LEGOCITY_BROKER_ADMIN_KEY', secret: true, minLength: 8 }),
  shutdownTimeout: duration({ env: 'LEGOCITY_BROKER_SHUTDOWN_TIMEOUT', default: 10_000 }),
  isAuthEnabled: boolean({ env: 'LEGOCITY_BROKER_AUTH_ENABLED', default: true }),
};
