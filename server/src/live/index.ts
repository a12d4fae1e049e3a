// The live updates' resolver, registered in graphql/schema.ts; the socket server is live-server.ts.
import { ChangeResolver } from './change.resolver.ts';

export { NO_TOPICS } from './change.resolver.ts';

// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const liveResolvers: Function[] = [ChangeResolver];
