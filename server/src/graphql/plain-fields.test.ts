import 'reflect-metadata';
import { type GraphQLSchema, isObjectType } from 'graphql';
import { Authorized, Field, getMetadataStorage, ObjectType, UseMiddleware } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from './schema.ts';

// A type of this test only: its fields' metadata is marked with the schema's (createSchema).
@ObjectType('PlainFieldsProbe')
class Probe {
  @Field(() => String)
  plain: string;

  @Authorized('CLINICIAN')
  @Field(() => String)
  guarded: string;

  @UseMiddleware(async (_data, next) => next())
  @Field(() => String)
  watched: string;
}

describe('plain properties resolved by graphql-js (plain-fields.ts)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('marks a plain property simple, and never one with @Authorized or middleware', () => {
    const probe = getMetadataStorage().fields.filter((field) => field.target === Probe);
    const simple = Object.fromEntries(probe.map((field) => [field.name, field.simple === true]));
    expect(simple).toEqual({ plain: true, guarded: false, watched: false });
  });

  it('leaves a plain property, such as a worklist item’s code or a trial’s id, to graphql-js', () => {
    const worklistItem = schema.getType('WorklistItem');
    const trial = schema.getType('Trial');
    if (!isObjectType(worklistItem) || !isObjectType(trial)) throw new Error('types missing');
    expect(worklistItem.getFields().code?.resolve).toBeUndefined();
    expect(trial.getFields().id?.resolve).toBeUndefined();
    expect(trial.getFields().status?.resolve).toBeDefined();
  });
});
