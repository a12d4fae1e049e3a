import { getNamedType, isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { TEXT_RULE } from './input-rules.ts';
import { createSchema } from './schema.ts';

describe('the input rules in the schema', () => {
  it('gives every text field of every input type its own rule (its column size), inherited ones too', async () => {
    const schema = await createSchema();
    const without = Object.values(schema.getTypeMap())
      .filter(isInputObjectType)
      .flatMap((type) =>
        Object.values(type.getFields())
          .filter(
            (field) =>
              getNamedType(field.type).name === 'String' && field.extensions[TEXT_RULE] === undefined,
          )
          .map((field) => `${type.name}.${field.name}`),
      );
    expect(without).toEqual([]);
  });
});
