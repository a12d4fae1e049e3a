import type { Logger } from './logger.ts';

/** What `process` offers that the guards use (tests pass an EventEmitter). */
export interface GuardedProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  exit(code: number): unknown;
}

/** An error by kind and where it came from: its name, its code (a PostgreSQL SQLSTATE) and its
 * stack frames, not its message, which can carry SQL or patient data. */
export function describeFailure(failure: unknown): Record<string, unknown> {
  if (!(failure instanceof Error)) return { errorName: typeof failure };
  const code = (failure as { code?: unknown }).code;
  const frames = (failure.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    errorName: failure.name,
    ...(typeof code === 'string' ? { errorCode: code } : {}),
    frames: frames.slice(0, 10).map((line) => line.trim()),
  };
}

/**
 * Nothing ends the process silently. A promise rejected with nobody awaiting it is logged and the
 * server goes on (Node's default would exit): the request it belonged to has been answered or
 * failed on its own. An exception nobody caught leaves the process in an unknown state: it is
 * logged as fatal and the process exits 1, for the supervisor to start it again.
 */
export function guardProcess(log: Logger, target: GuardedProcess = process): void {
  target.on('unhandledRejection', (reason) => {
    log.error(describeFailure(reason), 'unhandled promise rejection');
  });
  target.on('uncaughtException', (error) => {
    log.fatal(describeFailure(error), 'uncaught exception; exiting');
    target.exit(1);
  });
}
