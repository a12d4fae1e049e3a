import type { Medication, PriorTherapy } from '@ldn/db';
import { drugConcept } from '@ldn/rules';
import type { CodeableConcept, MedicationStatement } from '@medplum/fhirtypes';
import { SYSTEM } from '../systems.ts';
import { fhirDate, present, ref } from './common.ts';

/** Prior therapies' outcomes as the clinic reads them (clinical-rules §2). */
const OUTCOME_TEXT = {
  INEFFECTIVE: 'Ineffective',
  INTOLERANT: 'Not tolerated',
  CONTRAINDICATED: 'Contraindicated',
  ONGOING: 'Ongoing',
} as const;

/**
 * The drug as entered, coded in RxNorm when the vocabulary recognised one ingredient with a verified
 * RxCUI. A combination (acetaminophen + codeine) stays text: one ingredient's code would say the
 * product is that ingredient alone.
 */
function medicationConcept(record: Medication | PriorTherapy): CodeableConcept {
  const [ingredient, ...others] = record.ingredients;
  const rxcui =
    record.recognition === 'RECOGNISED' && ingredient !== undefined && others.length === 0
      ? drugConcept(ingredient)?.rxcui
      : undefined;
  return present({
    coding: rxcui === undefined ? [] : [{ system: SYSTEM.rxnorm, code: rxcui, display: ingredient }],
    text: record.drug,
  });
}

function common(record: Medication | PriorTherapy, startedOn: Date | null, endedOn: Date | null) {
  return {
    resourceType: 'MedicationStatement' as const,
    id: record.id,
    medicationCodeableConcept: medicationConcept(record),
    subject: ref('Patient', record.patientId),
    effectivePeriod:
      startedOn === null && endedOn === null
        ? undefined
        : present({
            start: startedOn === null ? undefined : fhirDate(startedOn),
            end: endedOn === null ? undefined : fhirDate(endedOn),
          }),
    dateAsserted: record.createdAt.toISOString(),
    informationSource: ref('Practitioner', record.recordedById),
  };
}

/** A current (or stopped) medication of the patient's. */
export function currentMedicationStatement(record: Medication): MedicationStatement {
  const status =
    record.enteredInErrorAt !== null
      ? 'entered-in-error'
      : record.stoppedOn === null
        ? 'active'
        : 'completed';
  return present<MedicationStatement>({
    ...common(record, record.startedOn, record.stoppedOn),
    status,
    category: { text: 'Current medication' },
    dosage: record.dose === null ? [] : [{ text: record.dose }],
  });
}

/** A prior line of therapy (clinical-rules §2) with its outcome. */
export function priorTherapyStatement(record: PriorTherapy): MedicationStatement {
  const status =
    record.enteredInErrorAt !== null
      ? 'entered-in-error'
      : record.outcome === 'ONGOING'
        ? 'active'
        : 'completed';
  return present<MedicationStatement>({
    ...common(record, record.startedOn, record.endedOn),
    status,
    category: { text: 'Prior therapy' },
    statusReason: record.outcome === 'ONGOING' ? [] : [{ text: OUTCOME_TEXT[record.outcome] }],
    dosage: record.doseRange === null ? [] : [{ text: record.doseRange }],
    note: record.note === null ? [] : [{ text: record.note }],
  });
}
