import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars.ts';
import { FindingType } from '../platform/finding.type.ts';
import { MedicationType } from './history.types.ts';
import { PatientType } from './patient.type.ts';

/** A trial the recorded medication put on hold (an opioid during LDN, clinical-rules §3). */
@ObjectType('TrialPutOnHold')
export class TrialPutOnHoldType {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDate)
  heldOn: string;
}

@ObjectType('RecordMedicationPayload')
export class RecordMedicationPayload {
  @Field(() => MedicationType)
  medication: MedicationType;

  @Field(() => PatientType)
  patient: PatientType;

  @Field(() => [FindingType], {
    description: 'OPIOID_STARTED_DURING_TRIAL when an opioid meets an active trial: tell the prescriber.',
  })
  findings: FindingType[];

  @Field(() => [TrialPutOnHoldType], {
    description: 'Active trials this opioid put ON_HOLD, in this change.',
  })
  trialsPutOnHold: TrialPutOnHoldType[];
}
