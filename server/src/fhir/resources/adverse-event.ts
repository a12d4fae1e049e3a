import type { AdverseEffect, Trial } from '@ldn/db';
import { ADVERSE_EFFECTS } from '@ldn/rules';
import type { AdverseEvent } from '@medplum/fhirtypes';
import { OUR_SYSTEM, SYSTEM } from '../systems.ts';
import { fhirDate, present, ref } from './common.ts';

/**
 * An adverse effect during a trial (§6): what, when it began, how severe. What was done about it
 * (held, stepped down) has no element in R4's AdverseEvent; the trial's plan and doses show it.
 */
export function adverseEventResource(effect: AdverseEffect & { trial: Trial }): AdverseEvent {
  const label = effect.kind === 'OTHER' ? (effect.description ?? 'Other') : ADVERSE_EFFECTS[effect.kind];
  return present<AdverseEvent>({
    resourceType: 'AdverseEvent',
    id: effect.id,
    actuality: 'actual',
    event: {
      coding: [
        { system: OUR_SYSTEM.adverseEffect, code: effect.kind, display: ADVERSE_EFFECTS[effect.kind] },
      ],
      text: label,
    },
    subject: ref('Patient', effect.trial.patientId),
    date: fhirDate(effect.onsetOn),
    recordedDate: effect.createdAt.toISOString(),
    // The clinic's person who recorded it, or the patient who reported it.
    recorder:
      effect.source === 'PATIENT' || effect.recordedById === null
        ? ref('Patient', effect.trial.patientId)
        : ref('Practitioner', effect.recordedById),
    severity: { coding: [{ system: SYSTEM.adverseEventSeverity, code: effect.severity.toLowerCase() }] },
  });
}
