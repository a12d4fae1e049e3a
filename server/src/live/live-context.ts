import type { Repositories } from '../access/repositories.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Logger } from '../platform/logger.ts';
import type { ChangeFeed } from './change-feed.ts';

/** What a subscription's resolvers receive: one per live socket (live-server.ts). */
export interface LiveContext {
  /** The person whose session opened the socket (checked again while it stays open). */
  viewer: Viewer;
  /** The socket's doors to the data (access/repositories.ts), as a request's. */
  repositories: Repositories;
  /** The socket's id, in its logs and its audit row, as a request's id is in a request's. */
  requestId: string;
  log: Logger;
  changes: ChangeFeed;
}

/** A GraphQL context that came over the WebSocket (a POSTed one has no feed). */
export const isLiveContext = (context: unknown): context is LiveContext =>
  typeof context === 'object' && context !== null && 'changes' in context;
