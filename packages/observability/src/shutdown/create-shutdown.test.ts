import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger/create-logger.js';
import { captureLines } from '../logger/capture-lines.test-support.js';
import { createShutdown } from './create-shutdown.js';

function setup(timeoutMs = 1_000) {
  const output = captureLines();
  const logger = createLogger({
    component: 'broker',
    version: '1.2.0',
    commit: 'abc1234',
    destination: output.destination,
  });
  const exits: number[] = [];
  const shutdown = createShutdown({ logger, timeoutMs, onExit: (code) => exits.push(code) });
  return { shutdown, exits, output };
}

describe('createShutdown', () => {
  it('runs hooks in reverse registration order, then exits with 0', async () => {
    const { shutdown, exits } = setup();
    const order: string[] = [];
    shutdown.register('database', () => void order.push('database'));
    shutdown.register('http', async () => {
      await Promise.resolve();
      order.push('http');
    });
    shutdown.register('readiness', () => void order.push('readiness'));
    await shutdown.trigger('test');
    expect(order).toEqual(['readiness', 'http', 'database']);
    expect(exits).toEqual([0]);
  });

  it('logs the start, each step and the end', async () => {
    const { shutdown, output } = setup();
    shutdown.register('http', () => undefined);
    await shutdown.trigger('SIGTERM');
    expect(output.lines.map((line) => [line.msg, line.hook])).toEqual([
      ['Shutdown started', undefined],
      ['Shutdown hook finished', 'http'],
      ['Shutdown finished', undefined],
    ]);
    expect(output.lines[0]).toMatchObject({ reason: 'SIGTERM', steps: ['http'] });
  });

  it('runs the remaining hooks after one fails, then exits with 1', async () => {
    const { shutdown, exits, output } = setup();
    const order: string[] = [];
    shutdown.register('database', () => void order.push('database'));
    shutdown.register('http', () => Promise.reject(new Error('close failed')));
    await shutdown.trigger('test');
    expect(order).toEqual(['database']);
    expect(exits).toEqual([1]);
    expect(output.lines.find((line) => line.msg === 'Shutdown hook failed')).toMatchObject({
      severity: 'error',
      hook: 'http',
      err: { message: 'close failed' },
    });
  });

  it('forces exit 1 at the deadline and names the hook still running', async () => {
    const { shutdown, exits, output } = setup(20);
    const order: string[] = [];
    shutdown.register('database', () => void order.push('database'));
    shutdown.register('http', () => new Promise(() => undefined));
    await shutdown.trigger('test');
    expect(exits).toEqual([1]);
    expect(order).toEqual([]);
    expect(output.lines.at(-1)).toMatchObject({
      msg: 'Shutdown timed out; forcing exit',
      hook: 'http',
    });
  });

  it('shuts down once, however often it is triggered', async () => {
    const { shutdown, exits } = setup();
    let runs = 0;
    shutdown.register('http', () => void (runs += 1));
    await Promise.all([shutdown.trigger('a'), shutdown.trigger('b')]);
    expect(runs).toBe(1);
    expect(exits).toEqual([0]);
  });

  it('exits with the code asked for by the trigger when every hook succeeds', async () => {
    const { shutdown, exits } = setup();
    await shutdown.trigger('uncaught exception', { exitCode: 1 });
    expect(exits).toEqual([1]);
  });

  it('shuts down on the first signal and forces exit 1 on the second', async () => {
    const { shutdown, exits } = setup();
    const signals = new EventEmitter();
    let release: () => void = () => undefined;
    shutdown.register('http', () => new Promise<void>((resolve) => (release = resolve)));
    const stop = shutdown.listen(['SIGTERM', 'SIGINT'], signals);
    signals.emit('SIGTERM', 'SIGTERM');
    expect(shutdown.isShuttingDown).toBe(true);
    signals.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    release();
    await shutdown.trigger('ignored');
    expect(exits).toEqual([1]);
    stop();
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });
});
