import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../access/auth-checker.ts';
import { adminResolvers } from '../admin/index.ts';
import { analyticsResolvers } from '../analytics/index.ts';
import { AuthResolver } from '../auth/auth.resolver.ts';
import { drugResolvers } from '../drugs/index.ts';
import { liveResolvers, NO_TOPICS } from '../live/index.ts';
import { orderResolvers } from '../orders/index.ts';
import { patientResolvers } from '../patients/index.ts';
import { trialResolvers } from '../trials/index.ts';
import { inputGuard, keepInheritedInputRules } from './input-guard.ts';
import { SystemResolver } from './system.resolver.ts';

// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
const resolvers: NonEmptyArray<Function> = [
  SystemResolver,
  AuthResolver,
  ...drugResolvers,
  ...patientResolvers,
  ...trialResolvers,
  ...orderResolvers,
  ...analyticsResolvers,
  ...adminResolvers,
  ...liveResolvers,
];

/** The code-first schema; `server/schema.graphql` is its committed print. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    pubSub: NO_TOPICS,
    // Every argument meets the input rules before anything else reads it (input-rules.ts).
    globalMiddlewares: [inputGuard],
    validate: { forbidUnknownValues: false },
  }).then(keepInheritedInputRules);
}
