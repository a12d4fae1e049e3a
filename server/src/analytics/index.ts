// The analytics resolvers, registered in graphql/schema.ts.
import { ContinuationReportResolver } from './continuation-report.resolver.ts';

// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const analyticsResolvers: Function[] = [ContinuationReportResolver];
