import { AccountResolver } from './account.resolver.ts';
import { AuditLogResolver } from './audit-log.resolver.ts';
import { OrganisationAdminResolver } from './organisation.resolver.ts';
import { PeopleAdminResolver } from './people.resolver.ts';

// The admin resolvers, registered in graphql/schema.ts.
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const adminResolvers: Function[] = [
  OrganisationAdminResolver,
  PeopleAdminResolver,
  AccountResolver,
  AuditLogResolver,
];
