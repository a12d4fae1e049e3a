import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { loggablePath } from './loggable-path.ts';
import type { Logger } from './logger.ts';

// A caller's own id, kept only for correlating with its logs: short, and nothing a log line could
// be forged with.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

// The request's logger for code that is not handed the request: Apollo's formatError, which logs
// the errors it hides, gets only the error.
const requestLogs = new AsyncLocalStorage<Logger>();

/** The logger of the request being served (its lines carry the request id); else `fallback`. */
export const requestLog = (fallback: Logger): Logger => requestLogs.getStore() ?? fallback;

declare global {
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
    }
  }
}

/**
 * Gives every request an id of the server's own (random; the audit rows and the X-Request-Id
 * response header carry it) and a logger. A caller's X-Request-Id is never used instead: it would
 * let a client make audit rows share another request's id. A well-formed one is logged beside
 * ours as `clientRequestId`, so a caller can still find its requests in our logs.
 */
export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    req.id = randomUUID();
    const given = req.get('x-request-id');
    req.log = logger.child(
      given !== undefined && CLIENT_REQUEST_ID.test(given)
        ? { requestId: req.id, clientRequestId: given }
        : { requestId: req.id },
    );
    res.setHeader('x-request-id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      req.log.info(
        {
          method: req.method,
          path: loggablePath(req.originalUrl),
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    requestLogs.run(req.log, next);
  };
}
