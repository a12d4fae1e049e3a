// The order resolvers, registered in graphql/schema.ts.
import { ClinicOrdersResolver } from './clinic-orders.resolver.ts';
import { ClinicOrderOverridesResolver } from './order-overrides.resolver.ts';
import { OrderPharmaciesResolver } from './order-pharmacies.resolver.ts';
import { OrderVerificationResolver } from './order-verification.resolver.ts';
import { PharmacyOrdersResolver } from './pharmacy-orders.resolver.ts';
import { TrialOrdersResolver } from './trial-orders.resolver.ts';

// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const orderResolvers: Function[] = [
  ClinicOrdersResolver,
  ClinicOrderOverridesResolver,
  OrderPharmaciesResolver,
  OrderVerificationResolver,
  PharmacyOrdersResolver,
  TrialOrdersResolver,
];
