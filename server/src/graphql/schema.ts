import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { SystemResolver } from './system.resolver.ts';

/** The code-first schema; `server/schema.graphql` is its committed print. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [SystemResolver],
    validate: { forbidUnknownValues: false },
  });
}
