import {
  type DatedDose,
  deriveTrialStatus,
  dosesInOrder,
  type IsoDate,
  isRuleInputError,
  type TrialStatusInput,
  trialStatusInputOf,
} from '@ldn/rules';
import type { TrialRecord } from './api/trial.ts';

// A trial as read by the trial page, handed to the rules package for the checks the forms show
// before the API answers; the rules' trialStatusInputOf reads it as the API reads its own rows.

/** Recorded dose changes that count (not entered in error), in date order, as the rules take them. */
export function recordedDosesOf(trial: TrialRecord): DatedDose[] {
  return dosesInOrder(
    trial.doseChanges.map((change) => ({
      date: change.changedOn,
      doseMg: change.doseMg,
      enteredInError: change.enteredInError,
    })),
  );
}

/** The dose taken before a new change: the latest recorded change, else the start dose. */
export function previousDoseOf(trial: TrialRecord): DatedDose {
  return recordedDosesOf(trial).at(-1) ?? { date: trial.startDate, doseMg: trial.startDoseMg };
}

/** The trial's recorded events as deriveTrialStatus's input, as of a date (the rules read them). */
export function statusInputOf(trial: TrialRecord, asOf: IsoDate): TrialStatusInput {
  return trialStatusInputOf(
    {
      startDate: trial.startDate,
      doseChanges: recordedDosesOf(trial),
      maintenanceDoseMg: trial.maintenanceDoseMg,
      maintenanceDeclaredOn: trial.maintenanceDeclaredOn,
      holds: trial.holds,
      assessments: trial.assessments,
      endedOn: trial.endedOn,
    },
    asOf,
  );
}

/**
 * When the assessment window opens as seen on a date (holds before it move it later): null while
 * the target dose has not begun, or when the date is not one the trial's history can be read at.
 */
export function assessmentOpensOnAsOf(trial: TrialRecord, assessedOn: IsoDate): IsoDate | null {
  try {
    return deriveTrialStatus(statusInputOf(trial, assessedOn)).assessmentWindow?.opensOn ?? null;
  } catch (error) {
    if (isRuleInputError(error)) return null;
    throw error;
  }
}
