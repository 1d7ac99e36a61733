import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger/create-logger.js';
import { captureLines } from '../logger/capture-lines.test-support.js';
import { wireProcess } from './wire-process.js';

function setup() {
  const output = captureLines();
  const logger = createLogger({
    component: 'broker',
    version: '1.2.0',
    commit: 'abc1234',
    destination: output.destination,
  });
  const exits: number[] = [];
  const source = new EventEmitter();
  const shutdown = wireProcess({
    logger,
    timeoutMs: 1_000,
    onExit: (code) => exits.push(code),
    source,
  });
  return { shutdown, exits, output, source };
}

/** Lets the shutdown started by an event run its hooks. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
}

describe('wireProcess', () => {
  it('shuts down with exit code 0 on SIGTERM', async () => {
    const { shutdown, exits, source } = setup();
    const stopped: string[] = [];
    shutdown.register('http', () => void stopped.push('http'));
    source.emit('SIGTERM', 'SIGTERM');
    await settle();
    expect(stopped).toEqual(['http']);
    expect(exits).toEqual([0]);
  });

  it('logs an uncaught exception as fatal and shuts down with exit code 1', async () => {
    const { shutdown, exits, output, source } = setup();
    const stopped: string[] = [];
    shutdown.register('http', () => void stopped.push('http'));
    source.emit('uncaughtException', new Error('boom'));
    await settle();
    const fatal = output.lines.find((line) => line.msg === 'Uncaught exception; shutting down');
    expect(fatal).toMatchObject({ severity: 'fatal', err: { message: 'boom' } });
    expect(stopped).toEqual(['http']);
    expect(exits).toEqual([1]);
  });

  it('logs an unhandled rejection as an error and keeps running', async () => {
    const { shutdown, exits, output, source } = setup();
    source.emit('unhandledRejection', new Error('lost'));
    await settle();
    const error = output.lines.find((line) => line.msg === 'Unhandled promise rejection');
    expect(error).toMatchObject({ severity: 'error', err: { message: 'lost' } });
    expect(shutdown.isShuttingDown).toBe(false);
    expect(exits).toEqual([]);
  });
});
