import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../access/auth-checker.ts';
import { adminResolvers } from '../admin/index.ts';
import { analyticsResolvers } from '../analytics/index.ts';
import { ApiTokenResolver } from '../api-tokens/api-token.resolver.ts';
import { AuthResolver } from '../auth/auth.resolver.ts';
import { drugResolvers } from '../drugs/index.ts';
import { liveResolvers, NO_TOPICS } from '../live/index.ts';
import { orderResolvers } from '../orders/index.ts';
import { patientLinkResolvers } from '../patient-link/index.ts';
import { patientResolvers } from '../patients/index.ts';
import { trialResolvers } from '../trials/index.ts';
import { guardArgumentResolvers, keepInheritedInputRules } from './input-guard.ts';
import { resolvePlainFieldsDirectly } from './plain-fields.ts';
import { SystemResolver } from './system.resolver.ts';

// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
const resolvers: NonEmptyArray<Function> = [
  SystemResolver,
  AuthResolver,
  ...drugResolvers,
  ...patientResolvers,
  ...trialResolvers,
  ...orderResolvers,
  ...patientLinkResolvers,
  ...analyticsResolvers,
  ...adminResolvers,
  ApiTokenResolver,
  ...liveResolvers,
];

/** The code-first schema; `server/schema.graphql` is its committed print. */
export function createSchema(): Promise<GraphQLSchema> {
  // Every argument meets the input rules before anything else reads it (input-rules.ts).
  guardArgumentResolvers();
  // Plain properties are read by graphql-js itself; so no global middleware here (plain-fields.ts).
  resolvePlainFieldsDirectly();
  return buildSchema({
    resolvers,
    authChecker,
    pubSub: NO_TOPICS,
    validate: { forbidUnknownValues: false },
  }).then(keepInheritedInputRules);
}
