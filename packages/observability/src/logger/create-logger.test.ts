import { describe, expect, it } from 'vitest';
import { captureLines } from './capture-lines.test-support.js';
import { createLogger } from './create-logger.js';

const identity = { component: 'broker', version: '1.2.0', commit: 'abc1234' };

describe('createLogger', () => {
  it('writes one JSON line with severity label, ISO time, identity and message', () => {
    const output = captureLines();
    const logger = createLogger({ ...identity, destination: output.destination });
    logger.warn({ tenant: 'city' }, 'Entity count dropped');
    expect(output.text().split('\n')).toHaveLength(2);
    const [line] = output.lines;
    expect(line).toMatchObject({
      severity: 'warn',
      component: 'broker',
      version: '1.2.0',
      commit: 'abc1234',
      tenant: 'city',
      msg: 'Entity count dropped',
    });
    expect(line).not.toHaveProperty('level');
    expect(new Date(line?.time as string).toISOString()).toBe(line?.time);
  });

  it('carries a correlation id through child loggers', () => {
    const output = captureLines();
    const logger = createLogger({ ...identity, destination: output.destination });
    logger.child({ correlationId: 'c-42' }).info('Request received');
    expect(output.lines[0]).toMatchObject({ correlationId: 'c-42', msg: 'Request received' });
  });

  it('writes nothing below the configured level', () => {
    const output = captureLines();
    const logger = createLogger({ ...identity, level: 'warn', destination: output.destination });
    logger.info('Not shown');
    logger.debug('Not shown either');
    logger.error('Shown');
    expect(output.lines.map((line) => line.severity)).toEqual(['error']);
  });

  it('serialises errors with code and cause, dropping other properties', () => {
    const output = captureLines();
    const logger = createLogger({ ...identity, destination: output.destination });
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const error = Object.assign(new Error('Database unreachable', { cause }), {
      config: { password: 'hunter2' },
    });
    logger.error({ err: error }, 'Start-up failed');
    const err = output.lines[0]?.err as Record<string, unknown>;
    expect(err).toMatchObject({
      name: 'Error',
      message: 'Database unreachable',
      cause: { message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' },
    });
    expect(err).not.toHaveProperty('config');
    expect(output.text()).not.toContain('hunter2');
  });
});

describe('createLogger redaction', () => {
  const secrets = ['hunter2', 'Bearer eyJhbGci', 'sk-live-123', 'tok-456', 'priv-789', 'pw-db'];

  function logEverywhere(): string {
    const output = captureLines();
    const logger = createLogger({ ...identity, destination: output.destination });
    logger.info(
      {
        password: 'hunter2',
        req: { headers: { authorization: 'Bearer eyJhbGci', Cookie: 'sid=tok-456' } },
        client: { apiKey: 'sk-live-123', nested: { deeper: { token: 'tok-456' } } },
        keys: [{ key: 'priv-789' }],
        databaseUrl: 'postgres://app:pw-db@db:5432/city',
        broker: { url: new URL('http://admin:hunter2@broker:1026') },
      },
      'Connecting to postgres://app:pw-db@db/city',
    );
    const child = logger.child({ db: { secret: 'hunter2' } }).child({ token: 'tok-456' });
    child.error({ err: new Error('Cannot reach postgres://app:pw-db@db/city') }, 'Query failed');
    return output.text();
  }

  it.each(secrets)('never writes the secret %j', (secret) => {
    expect(logEverywhere()).not.toContain(secret);
  });

  it('keeps connection strings readable with the password masked', () => {
    const text = logEverywhere();
    expect(text).toContain('"databaseUrl":"postgres://app:***@db:5432/city"');
    expect(text).toContain('Connecting to postgres://app:***@db/city');
    expect(text).toContain('http://admin:***@broker:1026/');
  });

  it('does not mutate the object it was given', () => {
    const output = captureLines();
    const fields = { db: { password: 'hunter2' } };
    createLogger({ ...identity, destination: output.destination }).info(fields, 'x');
    expect(fields.db.password).toBe('hunter2');
  });
});
