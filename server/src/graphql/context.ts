import type { Database } from '@ldn/db';
import type { Request, Response } from 'express';
import type { Config } from '../platform/config.ts';
import type { Logger } from '../platform/logger.ts';

/** What every resolver receives for one request. */
export interface Context {
  requestId: string;
  log: Logger;
  db: Database;
  config: Config;
  req: Request;
  res: Response;
}
