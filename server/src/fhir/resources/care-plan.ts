import { addDays, drugConcept, formatMg, type IsoDate, type TitrationStep } from '@ldn/rules';
import type { CarePlan, CarePlanActivity } from '@medplum/fhirtypes';
import { dosesOf, titrationPlanOf } from '../../trials/trial-events.ts';
import type { TrialWithDoses } from '../fhir-records.ts';
import { SYSTEM } from '../systems.ts';
import { concept, fhirDate, mg, present, ref } from './common.ts';

type ActivityStatus = NonNullable<CarePlanActivity['detail']>['status'];

/** The naltrexone ingredient as the drug vocabulary codes it (RxNorm, where verified). */
export function naltrexoneConcept() {
  const rxcui = drugConcept('naltrexone')?.rxcui;
  return concept(
    'naltrexone',
    rxcui === undefined ? undefined : { system: SYSTEM.rxnorm, code: rxcui, display: 'naltrexone' },
  );
}

function carePlanStatus(trial: TrialWithDoses): CarePlan['status'] {
  if (trial.enteredInErrorAt !== null) return 'entered-in-error';
  if (trial.endedOn !== null) return 'completed';
  if (trial.state === 'ON_HOLD') return 'on-hold';
  return 'active';
}

/** A step happened, is under way, or lies ahead, as of today. */
function stepStatus(from: IsoDate, until: IsoDate | null, today: IsoDate, ended: boolean): ActivityStatus {
  if (until !== null && until <= today) return 'completed';
  if (from > today) return ended ? 'cancelled' : 'scheduled';
  return ended ? 'stopped' : 'in-progress';
}

function doseActivity(step: TitrationStep, next: TitrationStep | undefined, today: IsoDate, ended: boolean) {
  const until = next?.from ?? null;
  return {
    detail: present({
      kind: 'MedicationRequest' as const,
      status: stepStatus(step.from, until, today, ended),
      description: `${formatMg(step.doseMg)} mg naltrexone at bedtime`,
      scheduledPeriod: present({ start: step.from, end: until === null ? undefined : addDays(until, -1) }),
      productCodeableConcept: naltrexoneConcept(),
      dailyAmount: mg(step.doseMg),
    }),
  } satisfies CarePlanActivity;
}

/**
 * The trial's titration plan (rules package: planTitration), its id the trial's: each dose period,
 * past and projected, then the response assessment window 4–8 weeks after the target is reached.
 */
export function carePlanResource(trial: TrialWithDoses, today: IsoDate): CarePlan {
  const plan = titrationPlanOf(trial, dosesOf(trial.doseChanges));
  const ended = trial.endedOn !== null || trial.enteredInErrorAt !== null;
  const activity: CarePlanActivity[] = plan.steps.map((step, index) =>
    doseActivity(step, plan.steps[index + 1], today, ended),
  );
  if (plan.assessmentOpensOn !== null && plan.assessmentDueBy !== null) {
    activity.push({
      detail: {
        status: stepStatus(plan.assessmentOpensOn, null, today, ended),
        description: 'Response assessment against the baseline pain score',
        scheduledPeriod: { start: plan.assessmentOpensOn, end: plan.assessmentDueBy },
      },
    });
  }
  return present<CarePlan>({
    resourceType: 'CarePlan',
    id: trial.id,
    status: carePlanStatus(trial),
    intent: 'plan',
    title: 'Low-dose naltrexone titration',
    description: `Start ${formatMg(trial.startDoseMg.toNumber())} mg at bedtime; target ${formatMg(plan.targetDoseMg)} mg.`,
    subject: ref('Patient', trial.patientId),
    period: present({
      start: fhirDate(trial.startDate),
      end: trial.endedOn === null ? undefined : fhirDate(trial.endedOn),
    }),
    created: trial.createdAt.toISOString(),
    author: ref('Practitioner', trial.prescriberId),
    addresses: [ref('Condition', trial.id)],
    activity,
  });
}
