import { isEnumType, isScalarType, specifiedScalarTypes } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from './schema.ts';

// The compiled executor hands graphql-jit the variables graphql-js coerced, which graphql-jit
// coerces again (compiled-execution.ts): that must change nothing.

const schema = await createSchema();

describe('variables coerced twice (compiled execution)', () => {
  it('every enum value is its own name, so a coerced enum coerces to itself', () => {
    const renamed = Object.values(schema.getTypeMap())
      .filter(isEnumType)
      .flatMap((type) => type.getValues().map((value) => ({ type: type.name, ...value })))
      .filter(({ name, value }) => name !== value)
      .map(({ type, name }) => `${type}.${name}`);
    expect(renamed).toEqual([]);
  });

  it.each([
    ['LocalDate', '2026-03-01'],
    ['DateTimeISO', '2026-03-01T10:11:12.345Z'],
  ])('%s takes the value it coerced to', (name, input) => {
    const scalar = schema.getType(name);
    if (!isScalarType(scalar)) throw new Error(`${name} is not a scalar`);
    const once = scalar.parseValue(input);
    expect(scalar.parseValue(once)).toEqual(once);
  });

  it('knows every custom scalar of the schema (a new one is added above)', () => {
    const builtIn = new Set(specifiedScalarTypes.map((type) => type.name));
    const custom = Object.values(schema.getTypeMap())
      .filter((type) => isScalarType(type) && !builtIn.has(type.name) && !type.name.startsWith('__'))
      .map((type) => type.name)
      .sort();
    expect(custom).toEqual(['DateTimeISO', 'LocalDate']);
  });
});
