import type { SymptomScore } from '@ldn/db';
import { SYMPTOM_SCALES } from '@ldn/rules';
import type { Observation } from '@medplum/fhirtypes';
import { OUR_SYSTEM, SYSTEM } from '../systems.ts';
import { fhirDate, present, ref } from './common.ts';

/**
 * A 0–10 symptom score: pain in LOINC (72514-3, clinical-rules §5); the secondary measures in our
 * own code system, since no LOINC code for them is verified. Entered in error: kept, so marked.
 * The performer says where it came from: the clinic (who entered it) or the patient's own report.
 */
export function observationResource(score: SymptomScore): Observation {
  const scale = SYMPTOM_SCALES[score.measure];
  const coding =
    scale.loinc === null
      ? { system: OUR_SYSTEM.symptomMeasure, code: score.measure, display: scale.label }
      : { system: SYSTEM.loinc, code: scale.loinc };
  return present<Observation>({
    resourceType: 'Observation',
    id: score.id,
    status: score.enteredInErrorAt === null ? (score.version > 1 ? 'amended' : 'final') : 'entered-in-error',
    category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'survey' }] }],
    code: { coding: [coding], text: `${scale.label} (0–10)` },
    subject: ref('Patient', score.patientId),
    effectiveDateTime: fhirDate(score.scoredOn),
    issued: score.createdAt.toISOString(),
    // Who the score comes from: the clinic's person who entered it, or the patient's own report.
    performer: [
      score.source === 'PATIENT' || score.recordedById === null
        ? ref('Patient', score.patientId)
        : ref('Practitioner', score.recordedById),
    ],
    valueInteger: score.score,
    referenceRange: [
      { low: { value: 0 }, high: { value: 10 }, text: `0 = ${scale.anchors[0]}, 10 = ${scale.anchors[10]}` },
    ],
  });
}
