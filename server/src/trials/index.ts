import { DoseChangeResolver } from './dose-change.resolver.ts';
import { PatientTrialsResolver } from './patient-trials.resolver.ts';
import { TrialResolver } from './trial.resolver.ts';
import { TrialCareResolver } from './trial-care.resolver.ts';
import { TrialEnteredInErrorResolver } from './trial-entered-in-error.resolver.ts';
import {
  AdverseEffectEnteredInErrorResolver,
  AssessmentByResolver,
  AssessmentEnteredInErrorResolver,
  DoseChangeEnteredInErrorResolver,
  OverrideResolver,
  TrialEventsResolver,
} from './trial-events.resolver.ts';
import { TrialRecordCorrectionsResolver } from './trial-record-corrections.resolver.ts';
import { TrialStartResolver } from './trial-start.resolver.ts';
import { WorklistResolver } from './worklist.resolver.ts';

// The trial resolvers, registered in graphql/schema.ts.
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const trialResolvers: Function[] = [
  TrialResolver,
  TrialEventsResolver,
  OverrideResolver,
  AssessmentByResolver,
  DoseChangeEnteredInErrorResolver,
  AdverseEffectEnteredInErrorResolver,
  AssessmentEnteredInErrorResolver,
  TrialStartResolver,
  DoseChangeResolver,
  TrialCareResolver,
  TrialRecordCorrectionsResolver,
  TrialEnteredInErrorResolver,
  WorklistResolver,
  PatientTrialsResolver,
];
