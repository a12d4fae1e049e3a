// The admin resolvers, registered in graphql/schema.ts.
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const adminResolvers: Function[] = [];
