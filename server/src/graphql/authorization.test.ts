import 'reflect-metadata';
import { getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthResolver } from '../auth/auth.resolver.ts';
import { orderResolvers } from '../orders/index.ts';
import { patientResolvers } from '../patients/index.ts';
import { trialResolvers } from '../trials/index.ts';
import { createSchema } from './schema.ts';
import { SystemResolver } from './system.resolver.ts';

// What a stranger may call: who am I, sign in, and the API version.
const PUBLIC = ['AuthResolver.me', 'AuthResolver.signIn', 'SystemResolver.apiVersion'];

// biome-ignore lint/complexity/noBannedTypes: type-graphql keys its metadata by resolver class
const CLINICAL_RESOLVERS = new Set<Function>([
  AuthResolver,
  SystemResolver,
  ...patientResolvers,
  ...trialResolvers,
  ...orderResolvers,
]);

describe('the role check (README: who reaches what)', () => {
  beforeAll(async () => {
    await createSchema();
  });

  it('puts every query, mutation and nested field resolver behind @Authorized, except the public ones', () => {
    const storage = getMetadataStorage();
    const authorized = new Set(storage.authorizedFields.map((a) => `${a.target.name}.${a.fieldName}`));
    const unguarded = [...storage.queries, ...storage.mutations, ...storage.fieldResolvers]
      .filter((resolver) => CLINICAL_RESOLVERS.has(resolver.target))
      .map((resolver) => `${resolver.target.name}.${resolver.methodName}`)
      .filter((name) => !authorized.has(name));
    expect(unguarded.sort()).toEqual([...PUBLIC].sort());
  });
});
