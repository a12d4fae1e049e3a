import { CONDITION_CODINGS, CONDITIONS } from '@ldn/rules';
import type { Coding, Condition } from '@medplum/fhirtypes';
import type { TrialWithDoses } from '../fhir-records.ts';
import { SYSTEM } from '../systems.ts';
import { fhirDate, present, ref } from './common.ts';

/** The indication's codes where verified (CONDITION_CODINGS), else none: the text says it. */
function codingsOf(condition: TrialWithDoses['condition']): Coding[] {
  const { icd10cm, snomedCt } = CONDITION_CODINGS[condition];
  return [
    ...(snomedCt === null ? [] : [{ system: SYSTEM.snomedCt, ...snomedCt }]),
    ...(icd10cm === null ? [] : [{ system: SYSTEM.icd10cm, ...icd10cm }]),
  ];
}

/**
 * The indication a trial treats, one Condition per trial (its id is the trial's). A trial entered
 * in error never had its indication recorded: the Condition is entered-in-error, and then FHIR
 * forbids a clinical status.
 */
export function conditionResource(trial: TrialWithDoses): Condition {
  const voided = trial.enteredInErrorAt !== null;
  return present<Condition>({
    resourceType: 'Condition',
    id: trial.id,
    clinicalStatus: voided ? undefined : { coding: [{ system: SYSTEM.conditionClinical, code: 'active' }] },
    verificationStatus: {
      coding: [{ system: SYSTEM.conditionVerification, code: voided ? 'entered-in-error' : 'confirmed' }],
    },
    category: [{ coding: [{ system: SYSTEM.conditionCategory, code: 'problem-list-item' }] }],
    code: present({ coding: codingsOf(trial.condition), text: CONDITIONS[trial.condition].label }),
    subject: ref('Patient', trial.patientId),
    recordedDate: fhirDate(trial.createdAt),
    asserter: ref('Practitioner', trial.prescriberId),
    note: [{ text: `Indication of the low-dose naltrexone trial started ${fhirDate(trial.startDate)}.` }],
  });
}
