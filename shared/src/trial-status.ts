import { assertIsoDate, daysBetween, type IsoDate, laterOf } from './dates.ts';
import { type DatedDose, TITRATION_INTERVAL_DAYS } from './dose.ts';
import { RuleInputError } from './errors.ts';
import { addTreatmentDays, holdCalendar, openHoldSince, type TrialHold } from './holds.ts';
import {
  type AdvanceDays,
  ASSESSMENT_DUE_AFTER_DAYS,
  ASSESSMENT_OPENS_AFTER_DAYS,
  buildSchedule,
  type Schedule,
  targetReachedOnOf,
} from './titration.ts';
import type { AssessmentDecision, TrialState } from './vocabulary.ts';

/** An assessment as recorded (§5). */
export interface RecordedAssessment {
  assessedOn: IsoDate;
  decision: AssessmentDecision;
}

/** The recorded events of a trial; the status is derived from them as of a date, never from a timer. */
export interface TrialStatusInput {
  /** Absent while screening. */
  startDate?: IsoDate;
  /** True once checkTrialStart allowed the start (SCREENING → READY). */
  readyToStart?: boolean;
  doseChanges?: DatedDose[];
  maintenanceDoseMg?: number;
  holds?: TrialHold[];
  assessments?: RecordedAssessment[];
  discontinuedOn?: IsoDate;
  /** Marked entered in error: the trial never happened (workflows.md, corrections). */
  enteredInError?: boolean;
  asOf: IsoDate;
}

/** Stable codes of what needs doing (a clinic's worklist). */
export const NEXT_ACTION_CODES = [
  'DOSE_STEP_DUE',
  'DOSE_STEP_OVERDUE',
  'STEP_DOWN_TO_MAINTENANCE',
  'ASSESSMENT_WINDOW_OPEN',
  'ASSESSMENT_OVERDUE',
  'REASSESSMENT_DUE',
  'TRIAL_ON_HOLD',
] as const;
export type NextActionCode = (typeof NEXT_ACTION_CODES)[number];

export interface NextAction {
  code: NextActionCode;
  /** The date the action refers to (step date, due date, hold start). */
  date: IsoDate;
  message: string;
}

export type StepStatus = 'PAST' | 'CURRENT' | 'NEXT' | 'PROJECTED';

export interface TrialStatus {
  asOf: IsoDate;
  state: TrialState;
  /** The nightly dose taken as of `asOf`; null before the start. */
  currentDoseMg: number | null;
  targetDoseMg: number;
  /** The day the target dose began; projected while TITRATING; null when only a step down reaches it. */
  targetReachedOn: IsoDate | null;
  /** The next projected step; `overdue` once its date has passed without a recorded change. */
  nextStep: { date: IsoDate; doseMg: number; overdue: boolean } | null;
  /** 4–8 weeks of treatment days after the target dose began [2]; hold days do not count. */
  assessmentWindow: { opensOn: IsoDate; dueBy: IsoDate; open: boolean; overdue: boolean } | null;
  actions: NextAction[];
  /** Dose steps for the timeline: past, current, next and projected. */
  timeline: { from: IsoDate; doseMg: number; status: StepStatus }[];
  /** While ON_HOLD: since when, and the state the trial resumes to. */
  onHold: { since: IsoDate; resumesTo: TrialState } | null;
  discontinuedOn: IsoDate | null;
  /** Days from the start to `asOf` (or to the discontinuation). */
  daysOnTherapy: number | null;
  /** Entered in error: shown as such instead of the state, with nothing due (no actions, step, window or hold). */
  enteredInError: boolean;
}

const onOrBefore = (date: IsoDate, asOf: IsoDate) => daysBetween(date, asOf) >= 0;

function discontinuationDate(
  input: TrialStatusInput,
  assessments: readonly RecordedAssessment[],
): IsoDate | null {
  const dates = [
    ...(input.discontinuedOn !== undefined && onOrBefore(input.discontinuedOn, input.asOf)
      ? [input.discontinuedOn]
      : []),
    ...assessments.filter((a) => a.decision === 'DISCONTINUE').map((a) => a.assessedOn),
  ];
  return dates.reduce<IsoDate | null>(
    (first, date) => (first === null || daysBetween(date, first) > 0 ? date : first),
    null,
  );
}

function timelineOf(schedule: Schedule): TrialStatus['timeline'] {
  return schedule.steps.map((step, index) => {
    const offset = index - (schedule.recordedStepCount - 1);
    const status: StepStatus =
      offset < 0 ? 'PAST' : offset === 0 ? 'CURRENT' : offset === 1 ? 'NEXT' : 'PROJECTED';
    return { ...step, status };
  });
}

/** The state of a started trial from its schedule and assessments, before holds and discontinuation. */
function activeState(
  asOf: IsoDate,
  targetReachedOn: IsoDate | null,
  window: { opensOn: IsoDate; dueBy: IsoDate } | null,
  latestAssessment: RecordedAssessment | undefined,
): TrialState {
  if (latestAssessment?.decision === 'CONTINUE') return 'CONTINUING';
  if (latestAssessment?.decision === 'EXTEND') {
    // EXTEND: assess again up to the 8-week mark; on that day the re-assessment is due again.
    return window !== null && daysBetween(asOf, window.dueBy) <= 0 ? 'ASSESSMENT_DUE' : 'EXTENDED';
  }
  if (targetReachedOn === null || window === null || daysBetween(targetReachedOn, asOf) < 0)
    return 'TITRATING';
  return daysBetween(window.opensOn, asOf) < 0 ? 'AT_TARGET' : 'ASSESSMENT_DUE';
}

/** The status the recorded events give, before an entered-in-error mark is applied. */
type RecordedStatus = Omit<TrialStatus, 'enteredInError'>;

function actionsFor(status: Omit<RecordedStatus, 'actions'>): NextAction[] {
  const { state, nextStep, assessmentWindow, onHold, asOf, currentDoseMg, targetDoseMg } = status;
  if (onHold !== null) {
    return [
      {
        code: 'TRIAL_ON_HOLD',
        date: onHold.since,
        message: `On hold since ${onHold.since}; resume or discontinue.`,
      },
    ];
  }
  if (state === 'DISCONTINUED' || state === 'SCREENING' || state === 'READY') return [];
  const actions: NextAction[] = [];
  if (nextStep !== null && daysBetween(nextStep.date, asOf) >= 0) {
    actions.push({
      code: nextStep.overdue ? 'DOSE_STEP_OVERDUE' : 'DOSE_STEP_DUE',
      date: nextStep.date,
      message: `Increase to ${nextStep.doseMg} mg at bedtime (due ${nextStep.date}), or record a hold.`,
    });
  }
  if (currentDoseMg !== null && currentDoseMg > targetDoseMg) {
    actions.push({
      code: 'STEP_DOWN_TO_MAINTENANCE',
      date: asOf,
      message: `Step down from ${currentDoseMg} mg to the maintenance dose of ${targetDoseMg} mg.`,
    });
  }
  if (assessmentWindow !== null && state === 'ASSESSMENT_DUE') {
    actions.push(
      assessmentWindow.overdue
        ? {
            code: 'ASSESSMENT_OVERDUE',
            date: assessmentWindow.dueBy,
            message: `Assessment was due by ${assessmentWindow.dueBy}.`,
          }
        : {
            code: 'ASSESSMENT_WINDOW_OPEN',
            date: assessmentWindow.dueBy,
            message: `Assess response by ${assessmentWindow.dueBy}.`,
          },
    );
  }
  if (assessmentWindow !== null && state === 'EXTENDED') {
    actions.push({
      code: 'REASSESSMENT_DUE',
      date: assessmentWindow.dueBy,
      message: `Extended: assess again by ${assessmentWindow.dueBy} (the 8-week mark).`,
    });
  }
  return actions;
}

/**
 * A trial's state, dose, next step, assessment window and next actions as of a date, derived
 * from its recorded events (workflows.md). Days on hold do not count as treatment days, so a hold
 * moves the next step and the assessment window later by its length. After EXTEND the trial is
 * EXTENDED until the 8-week mark (assessmentWindow.dueBy), when it is ASSESSMENT_DUE again.
 * A trial entered in error keeps the state its events give (shown struck through) but has
 * nothing due: no actions, next step, assessment window or hold, so no worklist line.
 */
export function deriveTrialStatus(input: TrialStatusInput): TrialStatus {
  const status = recordedStatus(input);
  if (input.enteredInError !== true) return { ...status, enteredInError: false };
  return {
    ...status,
    nextStep: null,
    assessmentWindow: null,
    onHold: null,
    actions: [],
    enteredInError: true,
  };
}

function recordedStatus(input: TrialStatusInput): RecordedStatus {
  const { asOf, startDate } = input;
  assertIsoDate(asOf);
  const assessments = (input.assessments ?? [])
    .filter((a) => onOrBefore(a.assessedOn, asOf))
    .sort((a, b) => daysBetween(b.assessedOn, a.assessedOn));
  const discontinuedOn = discontinuationDate(input, assessments);
  if (
    startDate !== undefined &&
    input.discontinuedOn !== undefined &&
    daysBetween(startDate, input.discontinuedOn) < 0
  ) {
    throw new RuleInputError(
      'INVALID_TRIAL_DATES',
      `Discontinued (${input.discontinuedOn}) before the start (${startDate}).`,
    );
  }

  if (startDate === undefined || daysBetween(startDate, asOf) < 0) {
    const state: TrialState =
      discontinuedOn !== null ? 'DISCONTINUED' : input.readyToStart ? 'READY' : 'SCREENING';
    return {
      asOf,
      state,
      currentDoseMg: null,
      targetDoseMg: buildSchedule({ startDate: startDate ?? asOf, ...maintenance(input) }).targetDoseMg,
      targetReachedOn: null,
      nextStep: null,
      assessmentWindow: null,
      timeline: [],
      onHold: null,
      discontinuedOn,
      daysOnTherapy: null,
      actions: [],
    };
  }

  const holds = input.holds ?? [];
  const calendar = holdCalendar(holds, asOf);
  const advance = (from: IsoDate, days: number) => addTreatmentDays(from, days, calendar);
  const doseChanges = (input.doseChanges ?? []).filter((change) => onOrBefore(change.date, asOf));
  const schedule = rebaseOverdueSteps(
    buildSchedule({ startDate, doseChanges, ...maintenance(input) }, advance),
    asOf,
    advance,
  );
  const targetReachedOn = targetReachedOnOf(schedule);
  const targetRecorded = targetReachedOn !== null && schedule.steps.length === schedule.recordedStepCount;
  const window =
    targetReachedOn === null
      ? null
      : {
          opensOn: advance(targetReachedOn, ASSESSMENT_OPENS_AFTER_DAYS),
          dueBy: advance(targetReachedOn, ASSESSMENT_DUE_AFTER_DAYS),
        };
  const underlying = activeState(asOf, targetRecorded ? targetReachedOn : null, window, assessments.at(-1));
  const holdSince = discontinuedOn === null ? openHoldSince(holds, asOf) : null;
  const state: TrialState =
    discontinuedOn !== null ? 'DISCONTINUED' : holdSince !== null ? 'ON_HOLD' : underlying;
  const awaitingAssessment = underlying === 'ASSESSMENT_DUE' || underlying === 'EXTENDED';
  const projected = schedule.steps[schedule.recordedStepCount];

  const status = {
    asOf,
    state,
    currentDoseMg: schedule.currentDoseMg,
    targetDoseMg: schedule.targetDoseMg,
    targetReachedOn,
    nextStep:
      projected === undefined || discontinuedOn !== null
        ? null
        : { date: projected.from, doseMg: projected.doseMg, overdue: daysBetween(projected.from, asOf) > 0 },
    assessmentWindow:
      window === null
        ? null
        : {
            ...window,
            open:
              awaitingAssessment &&
              daysBetween(window.opensOn, asOf) >= 0 &&
              daysBetween(asOf, window.dueBy) >= 0,
            overdue: awaitingAssessment && daysBetween(window.dueBy, asOf) > 0,
          },
    timeline: timelineOf(schedule),
    onHold: holdSince === null ? null : { since: holdSince, resumesTo: underlying },
    discontinuedOn,
    daysOnTherapy: daysBetween(startDate, discontinuedOn ?? asOf),
  };
  return { ...status, actions: actionsFor(status) };
}

/**
 * A step not recorded by its date is overdue, and the patient is still on the current dose: the
 * steps after it are projected from today, not from the missed date.
 */
function rebaseOverdueSteps(schedule: Schedule, asOf: IsoDate, advance: AdvanceDays): Schedule {
  const steps = [...schedule.steps];
  for (let index = schedule.recordedStepCount + 1; index < steps.length; index += 1) {
    const previous = steps[index - 1];
    const step = steps[index];
    if (previous === undefined || step === undefined) continue;
    steps[index] = { ...step, from: advance(laterOf(previous.from, asOf), TITRATION_INTERVAL_DAYS) };
  }
  return { ...schedule, steps };
}

function maintenance(input: TrialStatusInput): { maintenanceDoseMg?: number } {
  return input.maintenanceDoseMg === undefined ? {} : { maintenanceDoseMg: input.maintenanceDoseMg };
}
