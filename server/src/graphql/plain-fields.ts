import { getMetadataStorage } from 'type-graphql';

// type-graphql wraps every field of an object type in a resolver of its own (a closure that builds
// its resolver data and runs the field's middleware chain), even a field with no role check and no
// middleware, which then only reads the property: about 8,000 calls on a 480-item worklist
// (issue #16). graphql-js reads such a property itself, the same way.

// biome-ignore lint/complexity/noBannedTypes: type-graphql's metadata names classes as Function
type Target = Function;

interface FieldMetadata {
  target: Target;
  name: string;
  schemaName: string;
  simple?: boolean;
}

interface Storage {
  fields: FieldMetadata[];
  fieldResolvers: { target: Target; methodName: string }[];
  authorizedFields: { target: Target; fieldName: string }[];
  authorizedResolver: { target: Target }[];
  middlewares: { target: Target; fieldName: string }[];
  resolverMiddlewares: { target: Target }[];
}

/**
 * Marks `simple` (resolved by graphql-js's default resolver) every field that is a plain property:
 * no `@Authorized` on it or its class, no middleware on it or its class, no method behind it, and
 * its schema name its property's name (the default resolver reads `source[schemaName]`). A field
 * with a role check or middleware keeps type-graphql's resolver, so every declared check still runs;
 * a field already marked either way keeps its mark. The schema has no global middleware (it would
 * be skipped on these fields: schema.ts). After guardArgumentResolvers, before buildSchema; again
 * at every build, so that types declared after an earlier build (a test's) are marked too.
 */
export function resolvePlainFieldsDirectly(): void {
  const storage = getMetadataStorage() as unknown as Storage;
  const guarded = new Map<Target, Set<string>>();
  const guard = (target: Target, field: string) =>
    guarded.set(target, (guarded.get(target) ?? new Set()).add(field));
  for (const { target, fieldName } of storage.authorizedFields) guard(target, fieldName);
  for (const { target, fieldName } of storage.middlewares) guard(target, fieldName);
  for (const { target, methodName } of storage.fieldResolvers) guard(target, methodName);
  const guardedClasses = new Set<Target>([
    ...storage.authorizedResolver.map(({ target }) => target),
    ...storage.resolverMiddlewares.map(({ target }) => target),
  ]);
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.name !== field.schemaName) continue;
    if (guardedClasses.has(field.target) || guarded.get(field.target)?.has(field.name)) continue;
    field.simple = true;
  }
}
