import { randomBytes, randomUUID } from 'node:crypto';
import type {
  AdverseEffectKind,
  Condition,
  DiscontinuationReason,
  PrismaClient,
  ResponseClass,
} from '@ldn/db';
import { dbDate } from '../graphql/scalars.ts';

// Test builders of the analytics domain: finished and ongoing trials made straight in the database
// in a few bulk inserts (the trial API belongs to another module; the report only reads).

const unique = () => randomBytes(4).toString('hex');

export interface TrialSpec {
  clinicId: string;
  prescriberId: string;
  startDate: string;
  /** The discontinuation date; absent while the trial goes on. */
  endedOn?: string;
  reason?: DiscontinuationReason;
  condition?: Condition;
  /** Another trial of the same patient: the index of an earlier spec in the list. */
  samePatientAs?: number;
  baselineScore?: number;
  assessment?: { assessedOn: string; meanScore: number; responseClass: ResponseClass };
  adverseEffects?: { onsetOn: string; kind?: AdverseEffectKind }[];
}

/** The same spec `count` times. */
export const times = (count: number, spec: TrialSpec): TrialSpec[] =>
  Array.from({ length: count }, () => spec);

/** Makes the trials (and a patient for each, unless shared); returns the trial ids in order. */
export async function someTrials(prisma: PrismaClient, specs: readonly TrialSpec[]): Promise<string[]> {
  const patientIds: string[] = [];
  const patients: {
    id: string;
    clinicId: string;
    mrn: string;
    givenName: string;
    familyName: string;
    dateOfBirth: Date;
  }[] = [];
  for (const spec of specs) {
    const shared = spec.samePatientAs === undefined ? undefined : patientIds[spec.samePatientAs];
    if (shared !== undefined) {
      patientIds.push(shared);
      continue;
    }
    const id = randomUUID();
    patientIds.push(id);
    patients.push({
      id,
      clinicId: spec.clinicId,
      mrn: `MRN-${unique()}`,
      givenName: `Given${unique()}`,
      familyName: `Family${unique()}`,
      dateOfBirth: dbDate('1970-01-01'),
    });
  }
  const trialIds = specs.map(() => randomUUID());
  await prisma.patient.createMany({ data: patients });
  await prisma.trial.createMany({
    data: specs.map((spec, i) => ({
      id: trialIds[i],
      patientId: patientIds[i] ?? '',
      clinicId: spec.clinicId,
      prescriberId: spec.prescriberId,
      condition: spec.condition ?? 'FIBROMYALGIA',
      state: spec.endedOn === undefined ? 'CONTINUING' : 'DISCONTINUED',
      startDate: dbDate(spec.startDate),
      startDoseMg: 1.5,
      baselineScore: spec.baselineScore ?? 7,
      baselineScoredOn: dbDate(spec.startDate),
      policy: {},
      endedOn: spec.endedOn === undefined ? null : dbDate(spec.endedOn),
      discontinuationReason: spec.endedOn === undefined ? null : (spec.reason ?? 'OTHER'),
    })),
  });
  await prisma.assessment.createMany({
    data: specs.flatMap((spec, i) =>
      spec.assessment === undefined
        ? []
        : [
            {
              trialId: trialIds[i] ?? '',
              assessedOn: dbDate(spec.assessment.assessedOn),
              baselineScore: spec.baselineScore ?? 7,
              meanScore: spec.assessment.meanScore,
              relativeReduction: 0,
              responseClass: spec.assessment.responseClass,
              decision: 'CONTINUE' as const,
              assessedById: spec.prescriberId,
            },
          ],
    ),
  });
  await prisma.adverseEffect.createMany({
    data: specs.flatMap((spec, i) =>
      (spec.adverseEffects ?? []).map((effect) => ({
        trialId: trialIds[i] ?? '',
        kind: effect.kind ?? ('VIVID_DREAMS' as const),
        onsetOn: dbDate(effect.onsetOn),
        severity: 'MILD' as const,
        action: 'NONE' as const,
        recordedById: spec.prescriberId,
      })),
    ),
  });
  return trialIds;
}
