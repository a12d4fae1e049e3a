import type { Database, PrismaClient } from '@ldn/db';
import type { Request, Response } from 'express';
import type { ThrottlePolicy } from '../auth/throttle.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Logger } from '../platform/logger.ts';
import type { Loaders } from './loaders.ts';

/** What every resolver receives for one request. */
export interface Context {
  requestId: string;
  log: Logger;
  db: Database;
  prisma: PrismaClient;
  config: Config;
  clock: Clock;
  throttle: ThrottlePolicy;
  /** The signed-in person, or null. Resolvers reach it only through the access layer. */
  viewer: Viewer | null;
  /** Per-request batching of nested reads (no N+1). */
  loaders: Loaders;
  req: Request;
  res: Response;
}
