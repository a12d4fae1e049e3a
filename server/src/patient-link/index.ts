import { PatientLinkResolver } from './patient-link.resolver.ts';
import { PatientReportResolver } from './patient-report.resolver.ts';

// The patient link's resolvers (issue #19), registered in graphql/schema.ts.
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const patientLinkResolvers: Function[] = [PatientLinkResolver, PatientReportResolver];
