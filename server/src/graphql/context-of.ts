import type { Database } from '@ldn/db';
import type { Request, Response } from 'express';
import { Repositories } from '../access/repositories.ts';
import { requestThrottle, type ThrottlePolicy } from '../auth/throttle.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Context } from './context.ts';

/** What every request's Context shares: the app's database, configuration, clock and throttle. */
export interface ContextServices {
  db: Pick<Database, 'prisma'>;
  config: Config;
  clock: Clock;
  throttle: ThrottlePolicy;
}

/**
 * The Context of one request for `viewer`: the GraphQL API's (app.ts) and the FHIR Patient
 * import's, which runs the API's own mutation (fhir.router.ts).
 */
export function contextOf<V extends Viewer | null>(
  { db, config, clock, throttle }: ContextServices,
  req: Request,
  res: Response,
  viewer: V,
): Context & { viewer: V } {
  return {
    requestId: req.id,
    log: req.log,
    config,
    clock,
    throttle: requestThrottle(throttle, res),
    viewer,
    // system: the client goes only into the request's doors, each scoped to the viewer.
    repositories: new Repositories(db.prisma, viewer, req.id),
    req,
    res,
  };
}
