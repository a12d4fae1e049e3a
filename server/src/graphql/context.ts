import type { Request, Response } from 'express';
import type { Repositories } from '../access/repositories.ts';
import type { ThrottlePolicy } from '../auth/throttle.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Logger } from '../platform/logger.ts';

/** What every resolver receives for one request. */
export interface Context {
  requestId: string;
  log: Logger;
  config: Config;
  clock: Clock;
  throttle: ThrottlePolicy;
  /** The signed-in person, or null. Resolvers reach it only through the access layer. */
  viewer: Viewer | null;
  /**
   * The request's doors to the data (access/repositories.ts). Resolvers take one through its
   * parameter decorator (`@ClinicRepo()`, …), never from here; nothing else holds a database client.
   */
  repositories: Repositories;
  req: Request;
  res: Response;
}
