import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { guardProcess } from './process-guards.ts';

function aGuardedProcess() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const exits: number[] = [];
  const target = Object.assign(new EventEmitter(), { exit: (code: number) => exits.push(code) });
  guardProcess(pino({ level: 'info' }, sink), target);
  return { target, lines, exits };
}

class DatabaseError extends Error {
  override name = 'DatabaseError';
  code = '57P01';
}

describe('process guards', () => {
  it('logs a rejection nobody handled, by kind and without its message, and keeps running', async () => {
    const { target, lines, exits } = aGuardedProcess();
    target.emit('unhandledRejection', new DatabaseError('terminating connection; patient Jane Doe'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'unhandled promise rejection',
        errorName: 'DatabaseError',
        errorCode: '57P01',
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('Jane Doe');
    expect(exits).toEqual([]);
  });

  it('logs an uncaught exception as fatal and exits 1', async () => {
    const { target, lines, exits } = aGuardedProcess();
    target.emit('uncaughtException', new TypeError('boom'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([
      expect.objectContaining({ level: 60, msg: 'uncaught exception; exiting', errorName: 'TypeError' }),
    ]);
    expect(exits).toEqual([1]);
  });
});
