import type {
  Consent,
  Medication,
  OpioidFreeAttestation,
  PriorTherapy,
  RecordAmendment,
  SymptomMeasure,
  SymptomScore,
} from '@ldn/db';
import type DataLoader from 'dataloader';
import type { LoaderSource } from '../access/loaders.ts';
import type { CorrectedEntity } from '../corrections/record-correction.ts';

// Batched reads of a patient's histories: one query per kind for a whole page of patients. The
// keys are ids of patients already reached through the clinic scope, so no clinic filter here.

export const priorTherapiesOf = (ctx: LoaderSource): DataLoader<string, PriorTherapy[]> =>
  ctx.loaders.many(
    'patient.priorTherapies',
    (prisma, ids) =>
      prisma.priorTherapy.findMany({
        where: { patientId: { in: ids } },
        // Recorded order: eligibility's metBy names the first qualifying therapy (clinical-rules §10).
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    (row) => row.patientId,
  );

export const medicationsOf = (ctx: LoaderSource): DataLoader<string, Medication[]> =>
  ctx.loaders.many(
    'patient.medications',
    (prisma, ids) =>
      prisma.medication.findMany({
        where: { patientId: { in: ids } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    (row) => row.patientId,
  );

export const attestationsOf = (ctx: LoaderSource): DataLoader<string, OpioidFreeAttestation[]> =>
  ctx.loaders.many(
    'patient.attestations',
    (prisma, ids) =>
      prisma.opioidFreeAttestation.findMany({
        where: { patientId: { in: ids } },
        orderBy: [{ attestedOn: 'asc' }, { createdAt: 'asc' }],
      }),
    (row) => row.patientId,
  );

export const consentsOf = (ctx: LoaderSource): DataLoader<string, Consent[]> =>
  ctx.loaders.many(
    'patient.consents',
    (prisma, ids) =>
      prisma.consent.findMany({
        where: { patientId: { in: ids } },
        orderBy: [{ recordedOn: 'asc' }, { createdAt: 'asc' }],
      }),
    (row) => row.patientId,
  );

/** Scores by date; one loader per measure asked for (null: every measure). */
export const symptomScoresOf = (
  ctx: LoaderSource,
  measure: SymptomMeasure | null,
): DataLoader<string, SymptomScore[]> =>
  ctx.loaders.many(
    `patient.symptomScores.${measure ?? 'ALL'}`,
    (prisma, ids) =>
      prisma.symptomScore.findMany({
        where: { patientId: { in: ids }, ...(measure === null ? {} : { measure }) },
        orderBy: [{ scoredOn: 'asc' }, { measure: 'asc' }],
      }),
    (row) => row.patientId,
  );

/** A record's corrections (RecordAmendment) by record id, oldest first; one loader per kind of record. */
export const amendmentsOf = (
  ctx: LoaderSource,
  entity: CorrectedEntity,
): DataLoader<string, RecordAmendment[]> =>
  ctx.loaders.many(
    `amendments.${entity}`,
    (prisma, ids) =>
      prisma.recordAmendment.findMany({
        where: { entity, entityId: { in: ids } },
        orderBy: [{ amendedAt: 'asc' }, { sequence: 'asc' }],
      }),
    (row) => row.entityId,
  );
