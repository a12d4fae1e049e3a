import { MedicationPeopleResolver, PriorTherapyPeopleResolver } from './drug-record.resolver.ts';
import { DrugRecordCorrectionsResolver } from './drug-record-corrections.resolver.ts';
import { EligibilityResolver } from './eligibility.resolver.ts';
import { HistoryResolver } from './history.resolver.ts';
import { MedicationResolver } from './medication.resolver.ts';
import { PatientConnectionResolver, PatientResolver } from './patient.resolver.ts';
import { PatientHistoriesResolver } from './patient-histories.resolver.ts';
import { SymptomScoreEnteredInErrorResolver, SymptomScoreResolver } from './symptom-score.resolver.ts';

// The patient resolvers, registered in graphql/schema.ts.
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const patientResolvers: Function[] = [
  PatientResolver,
  PatientConnectionResolver,
  PatientHistoriesResolver,
  EligibilityResolver,
  HistoryResolver,
  MedicationResolver,
  MedicationPeopleResolver,
  PriorTherapyPeopleResolver,
  DrugRecordCorrectionsResolver,
  SymptomScoreResolver,
  SymptomScoreEnteredInErrorResolver,
];
