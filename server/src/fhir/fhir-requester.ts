import { type Database, grantDataAccess } from '@ldn/db';
import type { Request } from 'express';
import { enterViewerOrganisation } from '../access/data-access.ts';
import { systemRepositoryOf } from '../access/system-repository.ts';
import { bearerTokenOf, type TokenReader } from '../api-tokens/api-token.auth.ts';
import type { AuditContext } from '../audit/audit.ts';
import { sessionTokenOf } from '../auth/sessions.ts';
import { requestThrottle, type ThrottlePolicy } from '../auth/throttle.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { fhirInvalidToken, fhirThrottled, fhirUnauthenticated } from './fhir-errors.ts';

/** Who a FHIR request is served for: a signed-in person, or a system holding an organisation's token. */
export type Requester = { kind: 'session'; viewer: Viewer } | { kind: 'token'; token: TokenReader };

/** The organisation whose records a requester reads. */
export const readerOf = (requester: Requester) =>
  requester.kind === 'session' ? requester.viewer : requester.token;

/** The audit rows' who: the person, or for a token no person and the token's organisation. */
export function auditContextOf(requester: Requester, requestId: string): AuditContext {
  return requester.kind === 'session'
    ? { viewer: requester.viewer, requestId }
    : { viewer: { userId: null, organisationId: requester.token.organisationId }, requestId };
}

interface RequesterOptions {
  db: Database;
  config: Config;
  clock: Clock;
  throttle: ThrottlePolicy;
}

/**
 * Tells who is asking: an `Authorization: Bearer ldn_…` header is an API token and nothing else (the
 * cookie is not consulted), otherwise the portal's session cookie. From the answer on, the
 * database's row-level security holds the request to that organisation. Each request served on a
 * token writes a USE row naming it (the request's reads carry the same request id). Tokens that are
 * not valid are counted per address with the sign-in throttle's rules (namespace `api-token:`):
 * past the limit, 429 — a live token is never slowed.
 */
export function requesterResolver({ db, config, clock, throttle }: RequesterOptions) {
  return async function requesterOf(req: Request): Promise<Requester> {
    // system: who asks is not known yet — a token's row, the guesses' counts and a session belong
    // to no organisation until the token or the session names one (its audit rows carry its id).
    const system = systemRepositoryOf(db, req.id);
    const authorization = req.get('authorization');
    if (authorization !== undefined) {
      const presented = bearerTokenOf(authorization);
      const token = presented === undefined ? null : await system.apiTokenReader(presented, clock);
      if (token === null) {
        // The address Express derived: the peer's, or with TRUST_PROXY the client's before the proxies.
        const guesses = system.throttle(clock, requestThrottle(throttle, req.res), 'api-token:');
        if (!(await guesses.admit({ account: req.ip ?? 'unknown' })))
          throw fhirThrottled(throttle.lockMinutes * 60);
        throw fhirInvalidToken();
      }
      grantDataAccess({ organisationId: token.organisationId, organisationKind: token.organisationKind });
      const requester: Requester = { kind: 'token', token };
      await system.auditAs(auditContextOf(requester, req.id), 'API_TOKEN_USE', 'ApiToken', token.tokenId);
      return requester;
    }
    const viewer = enterViewerOrganisation(
      await system.viewerOfSession(sessionTokenOf(req.get('cookie')), config, clock),
    );
    if (viewer === null) throw fhirUnauthenticated();
    return { kind: 'session', viewer };
  };
}
