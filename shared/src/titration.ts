import { addDays, assertIsoDate, daysBetween, type IsoDate } from './dates.ts';
import {
  assertValidDose,
  checkDose,
  type DatedDose,
  MAXIMUM_DOSE_MG,
  START_DOSE_MG,
  TITRATION_INTERVAL_DAYS,
  TITRATION_STEP_MG,
} from './dose.ts';
import { RuleInputError } from './errors.ts';

/** [2]: response is assessed after 4 weeks at the target dose … */
export const ASSESSMENT_OPENS_AFTER_DAYS = 28;
/** [2]: … and by 8 weeks at it. */
export const ASSESSMENT_DUE_AFTER_DAYS = 56;

/** Input of planTitration (§9). */
export interface TitrationInput {
  startDate: IsoDate;
  /** Changes after the start dose, in date order; the same dose again is a hold. */
  doseChanges?: DatedDose[];
  /** A lower dose declared when 4.5 mg is not tolerated (§4). */
  maintenanceDoseMg?: number;
}

/** One period of a distinct nightly dose, from its first night. */
export interface TitrationStep {
  from: IsoDate;
  doseMg: number;
}

/** Result of planTitration (§9). */
export interface TitrationPlan {
  /** Past dose periods, then the projected increases up to the target. */
  steps: TitrationStep[];
  targetDoseMg: number;
  /** The latest date the target dose began (projected when still ahead); null when not reachable by steps up. */
  targetReachedOn: IsoDate | null;
  assessmentOpensOn: IsoDate | null;
  assessmentDueBy: IsoDate | null;
}

/** Advances a date by a number of treatment days; plain calendar days unless holds intervene. */
export type AdvanceDays = (from: IsoDate, days: number) => IsoDate;

/** A schedule with the line between what happened and what is projected. */
export interface Schedule {
  steps: TitrationStep[];
  /** How many of `steps` were recorded (the rest are projected). */
  recordedStepCount: number;
  targetDoseMg: number;
  currentDoseMg: number;
  /** The latest recorded change (or hold), from which the next step is counted. */
  lastChangeOn: IsoDate;
}

function validatedChanges(startDate: IsoDate, doseChanges: readonly DatedDose[]): DatedDose[] {
  assertIsoDate(startDate);
  let previousDate = startDate;
  for (const change of doseChanges) {
    if (daysBetween(previousDate, change.date) <= 0) {
      throw new RuleInputError(
        'INVALID_DOSE_HISTORY',
        `Dose changes must be dated after the start (${startDate}) and in date order; ${change.date} follows ${previousDate}.`,
      );
    }
    if (checkDose(change.doseMg).length > 0) {
      throw new RuleInputError(
        'INVALID_DOSE_HISTORY',
        `The dose change of ${change.date} (${change.doseMg} mg) does not pass the dose rules.`,
      );
    }
    previousDate = change.date;
  }
  return [...doseChanges];
}

/** The target: the maintenance dose when declared (it must pass checkDose), else 4.5 mg [1][5]. */
export function targetDoseOf(maintenanceDoseMg: number | undefined): number {
  if (maintenanceDoseMg === undefined) return MAXIMUM_DOSE_MG;
  assertValidDose(maintenanceDoseMg, 'The maintenance dose');
  return maintenanceDoseMg;
}

/**
 * The dose periods that happened, then the projected increases (+1.5 mg, capped at the target,
 * each `TITRATION_INTERVAL_DAYS` treatment days after the previous change or hold).
 */
export function buildSchedule(input: TitrationInput, advance: AdvanceDays = addDays): Schedule {
  const changes = validatedChanges(input.startDate, input.doseChanges ?? []);
  const targetDoseMg = targetDoseOf(input.maintenanceDoseMg);
  // [1]: start 1.5 mg at bedtime.
  const steps: TitrationStep[] = [{ from: input.startDate, doseMg: START_DOSE_MG }];
  let lastChangeOn = input.startDate;
  for (const change of changes) {
    const current = steps[steps.length - 1];
    // §10: the same dose again is a hold: no new step, but the next one counts from it.
    if (current === undefined || current.doseMg !== change.doseMg) {
      steps.push({ from: change.date, doseMg: change.doseMg });
    }
    lastChangeOn = change.date;
  }
  const recordedStepCount = steps.length;
  const currentDoseMg = steps[steps.length - 1]?.doseMg ?? START_DOSE_MG;

  // Half-milligram units keep the arithmetic exact (valid doses are whole multiples of 0.5 mg).
  const targetHalves = Math.round(targetDoseMg * 2);
  const stepHalves = Math.round(TITRATION_STEP_MG * 2);
  let halves = Math.round(currentDoseMg * 2);
  let from = lastChangeOn;
  // §10: above the maintenance dose nothing is projected; the step down is the clinician's.
  while (halves < targetHalves) {
    // [1]: increase by 1.5 mg every 2 weeks, never past the target.
    halves = Math.min(halves + stepHalves, targetHalves);
    from = advance(from, TITRATION_INTERVAL_DAYS);
    steps.push({ from, doseMg: halves / 2 });
  }
  return { steps, recordedStepCount, targetDoseMg, currentDoseMg, lastChangeOn };
}

/** §10: the latest date the target dose began, when the schedule ends on it. */
export function targetReachedOnOf(schedule: Schedule): IsoDate | null {
  const last = schedule.steps[schedule.steps.length - 1];
  return last !== undefined && last.doseMg === schedule.targetDoseMg ? last.from : null;
}

/**
 * §4 and §9: the titration schedule recomputed from what happened: past dose periods, projected
 * steps to the target, and the assessment window 4–8 weeks after the target dose began [2].
 */
export function planTitration(input: TitrationInput): TitrationPlan {
  const schedule = buildSchedule(input);
  const targetReachedOn = targetReachedOnOf(schedule);
  return {
    steps: schedule.steps,
    targetDoseMg: schedule.targetDoseMg,
    targetReachedOn,
    assessmentOpensOn:
      targetReachedOn === null ? null : addDays(targetReachedOn, ASSESSMENT_OPENS_AFTER_DAYS),
    assessmentDueBy: targetReachedOn === null ? null : addDays(targetReachedOn, ASSESSMENT_DUE_AFTER_DAYS),
  };
}
