import { DrugResolver } from './drug.resolver.ts';

// The drug vocabulary's resolvers, registered in graphql/schema.ts.
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const drugResolvers: Function[] = [DrugResolver];
