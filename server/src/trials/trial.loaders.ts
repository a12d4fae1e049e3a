import type {
  AdverseEffect,
  Assessment,
  DoseChange,
  Override,
  Patient,
  Prisma,
  SymptomScore,
  Trial,
  TrialHold,
  TrialWarning,
} from '@ldn/db';
import type { LoaderSource, Loaders } from '../access/loaders.ts';
import { COUNTED } from '../patients/medication-records.ts';

// Per-request batched reads of a trial's events (access/loaders.ts): a page with one trial or a
// worklist with a hundred costs one query per kind. Keys are ids of trials (or patients) already
// reached through the clinic scope.

const byTrial = (row: { trialId: string }) => row.trialId;
const byPatient = (row: { patientId: string }) => row.patientId;

const loadersOf = new WeakMap<Loaders, ReturnType<typeof trialLoadersOf>>();

/**
 * The loaders of the trial domain for this request: made once per request, as every item of a
 * worklist asks for them (its status, its patient).
 */
export function trialLoaders({ loaders }: LoaderSource) {
  let trial = loadersOf.get(loaders);
  if (trial === undefined) {
    trial = trialLoadersOf(loaders);
    loadersOf.set(loaders, trial);
  }
  return trial;
}

function trialLoadersOf(loaders: Loaders) {
  return {
    doseChanges: loaders.many<DoseChange>(
      'trials.doseChanges',
      (prisma, ids) =>
        prisma.doseChange.findMany({ where: { trialId: { in: ids } }, orderBy: { changedOn: 'asc' } }),
      byTrial,
    ),
    holds: loaders.many<TrialHold>(
      'trials.holds',
      (prisma, ids) =>
        prisma.trialHold.findMany({ where: { trialId: { in: ids } }, orderBy: { heldOn: 'asc' } }),
      byTrial,
    ),
    assessments: loaders.many<Assessment>(
      'trials.assessments',
      (prisma, ids) =>
        prisma.assessment.findMany({ where: { trialId: { in: ids } }, orderBy: { assessedOn: 'asc' } }),
      byTrial,
    ),
    overrides: loaders.many<Override>(
      'trials.overrides',
      (prisma, ids) =>
        prisma.override.findMany({ where: { trialId: { in: ids } }, orderBy: { givenAt: 'asc' } }),
      byTrial,
    ),
    warnings: loaders.many<TrialWarning>(
      'trials.warnings',
      (prisma, ids) =>
        prisma.trialWarning.findMany({ where: { trialId: { in: ids } }, orderBy: { createdAt: 'asc' } }),
      byTrial,
    ),
    adverseEffects: loaders.many<AdverseEffect>(
      'trials.adverseEffects',
      (prisma, ids) =>
        prisma.adverseEffect.findMany({ where: { trialId: { in: ids } }, orderBy: { onsetOn: 'asc' } }),
      byTrial,
    ),
    /** Pain NRS scores by patient id, oldest first; none entered in error (the chart ignores them). */
    painScores: loaders.many<SymptomScore>(
      'trials.painScores',
      (prisma, ids) =>
        prisma.symptomScore.findMany({
          where: { patientId: { in: ids }, measure: 'PAIN_NRS', ...COUNTED },
          orderBy: { scoredOn: 'asc' },
        }),
      byPatient,
    ),
    patients: loaders.one<Patient>(
      'trials.patients',
      (prisma, ids) => prisma.patient.findMany({ where: { id: { in: ids } } }),
      (row) => row.id,
    ),
    /** People's names only (prescribers, who gave an override). */
  };
}

/** A patient's trials, newest first, kept inside the clinic (the loader is per request and viewer). */
export function trialsByPatientLoader({ loaders }: LoaderSource, where: Prisma.TrialWhereInput) {
  return loaders.many<Trial>(
    'trials.byPatient',
    (prisma, ids) =>
      prisma.trial.findMany({ where: { ...where, patientId: { in: ids } }, orderBy: { startDate: 'desc' } }),
    byPatient,
  );
}
