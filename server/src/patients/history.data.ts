import type { Prisma } from '@ldn/db';
import type { Viewer } from '../auth/viewer.ts';
import { drugColumns } from '../drugs/drug-classification.ts';
import { dbDate } from '../graphql/scalars.ts';
import { badInput } from '../platform/errors.ts';
import type { OpioidFreeAttestationInput, PriorTherapyInput } from './history.input.ts';
import { assertNotBefore, optionalDbDate, tidy } from './patient.data.ts';

type Recorded<T> = Omit<T, 'patientId' | 'recordedById' | 'attestedById'>;

/** The columns of a prior therapy, after the checks its dates need; its classes come from the drug (§11). */
export function priorTherapyData(
  input: PriorTherapyInput,
  viewer: Pick<Viewer, 'userId' | 'role'>,
  now: Date,
): Recorded<Prisma.PriorTherapyUncheckedCreateInput> {
  assertNotBefore('endedOn', input.endedOn, input.startedOn, 'The therapy cannot end before it started.');
  const drug = input.drug.trim();
  return {
    drug,
    ...drugColumns(drug, input.classification, 'PRIOR_THERAPY', viewer, now),
    doseRange: tidy(input.doseRange) ?? null,
    startedOn: optionalDbDate(input.startedOn),
    endedOn: optionalDbDate(input.endedOn),
    outcome: input.outcome,
    note: tidy(input.note) ?? null,
  };
}

/** The columns of an opioid-free attestation, after the checks its dates need. */
export function attestationData(
  input: OpioidFreeAttestationInput,
): Recorded<Prisma.OpioidFreeAttestationUncheckedCreateInput> {
  const lastOpioidDrug = tidy(input.lastOpioidDrug) ?? null;
  const lastOpioidDoseOn = input.lastOpioidDoseOn ?? null;
  // The washout needs both: the date it counts from and the drug that sets its length (§3).
  if ((lastOpioidDrug === null) !== (lastOpioidDoseOn === null)) {
    throw badInput(
      lastOpioidDrug === null ? 'lastOpioidDrug' : 'lastOpioidDoseOn',
      'Give the last opioid and the date of its last dose together.',
    );
  }
  assertNotBefore(
    'lastOpioidDoseOn',
    input.attestedOn,
    lastOpioidDoseOn,
    'The last opioid dose cannot be after the attestation.',
  );
  return {
    attestedOn: dbDate(input.attestedOn),
    lastOpioidDrug,
    lastOpioidDoseOn: optionalDbDate(lastOpioidDoseOn),
    note: tidy(input.note) ?? null,
  };
}
