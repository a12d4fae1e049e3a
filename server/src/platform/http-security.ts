import type { ErrorRequestHandler, RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from './logger.ts';

/**
 * The portal's Content-Security-Policy. The Vite build is scripts and a stylesheet from our own
 * origin, with no inline script or style markup (React sets style props through the CSSOM, which
 * CSP allows) and no third-party host; `pnpm test`'s browser journeys run under it.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'none'"],
  // 'self' also admits the live socket (ws:/wss: to this host, CSP Level 3) and nothing else; the
  // browser journeys (tests/e2e/live-updates.spec.ts) run under it.
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  // Never framed, so no clickjacking (X-Frame-Options: DENY says the same to older browsers).
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
} as const;

/**
 * Security headers on every response (helmet): the CSP above, X-Frame-Options DENY, nosniff,
 * Referrer-Policy no-referrer (a URL can name a patient's record). HSTS only in production: a
 * developer's or a test's plain-HTTP localhost must keep working. No upgrade-insecure-requests:
 * it would break the portal of a production image tried on plain http://localhost (docker
 * compose), and HSTS already keeps a TLS deployment on TLS.
 */
export function securityHeaders(production: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: CONTENT_SECURITY_POLICY,
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/**
 * In production no source map is served (they would publish the portal's source): `*.map` is
 * 404 whatever the build left in the folder. The build itself makes hidden maps (web/vite.config.ts).
 */
export function refuseSourceMaps(production: boolean): RequestHandler {
  return (req, res, next) => {
    if (production && req.path.endsWith('.map')) {
      res.status(404).type('text').send('Not found');
      return;
    }
    next();
  };
}

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
}

// body-parser's refusals, in words a client can act on (its own messages name internals).
const BODY_REFUSALS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body has an unsupported encoding.',
  'charset.unsupported': 'The request body has an unsupported charset.',
  'request.aborted': 'The request was aborted.',
};

/**
 * The last handler: a client's mistake (a malformed or oversized body) is answered with its 4xx
 * status and a plain message, in the GraphQL error shape with code BAD_REQUEST; anything else is
 * logged by kind and answered 500 with a generic message. Never a stack trace or an HTML page.
 */
export function jsonErrors(): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, statusCode, type } = (error ?? {}) as HttpError;
    const code = status ?? statusCode ?? 500;
    if (code >= 400 && code < 500) {
      const message = (type !== undefined && BODY_REFUSALS[type]) || 'The request is not valid.';
      res.status(code).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    (req.log as Logger | undefined)?.error(
      { errorName: error instanceof Error ? error.name : typeof error },
      'unexpected error in request',
    );
    res.status(500).json({
      errors: [
        {
          message: 'Something went wrong on our side. It has been logged; please try again.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
  };
}
