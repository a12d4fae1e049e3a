import { addDays, compareDates, daysBetween, type IsoDate } from './dates.ts';
import type { StepStatus } from './trial-status.ts';
import { visitScoreProblems } from './visit-scores.ts';
import { ADVERSE_EFFECT_SEVERITIES, ADVERSE_EFFECTS } from './vocabulary.ts';

/**
 * Issue #19: a patient reports at home, one report per evening. The evening of today, and late
 * entries for the previous 2 days (marked late); anything else is refused. A report may be
 * replaced the same evening it was first sent (an edit), never afterwards.
 */
export const LATE_REPORT_DAYS = 2;

/** Whether a report for `evening` may be sent `today`, and how it is marked. */
export type ReportTiming = 'ON_TIME' | 'LATE' | 'IN_THE_FUTURE' | 'TOO_LATE';

/** The timing of a report for `evening` sent on `today` (both in the clinic's calendar). */
export function reportTimingOf(evening: IsoDate, today: IsoDate): ReportTiming {
  const daysAgo = daysBetween(evening, today);
  if (daysAgo < 0) return 'IN_THE_FUTURE';
  if (daysAgo === 0) return 'ON_TIME';
  return daysAgo <= LATE_REPORT_DAYS ? 'LATE' : 'TOO_LATE';
}

/**
 * Whether an evening's report first sent on `firstSentOn` may be replaced on `today` (both in the
 * clinic's calendar): only the same day, an edit before anyone has read it; afterwards the clinic
 * may have reviewed it and assessed from it.
 */
export function reportReplaceable(firstSentOn: IsoDate, today: IsoDate): boolean {
  return compareDates(firstSentOn, today) === 0;
}

/** The evenings a patient may report on `today`: today first, then the late ones. */
export function reportableEvenings(today: IsoDate): IsoDate[] {
  return Array.from({ length: LATE_REPORT_DAYS + 1 }, (_, daysAgo) => addDays(today, -daysAgo));
}

/** Whether tonight's dose was taken. */
export const DOSE_TAKEN_ANSWERS = ['TAKEN', 'NOT_TAKEN'] as const;
export type DoseTakenAnswer = (typeof DOSE_TAKEN_ANSWERS)[number];

/**
 * The strengths a patient may say they took: the doses of the trial's steps that have begun by
 * that evening, the current one first (a patient mid-titration may still be finishing the last
 * strength). Projected steps are never offered.
 */
export function reportableDoses(timeline: readonly { doseMg: number; status: StepStatus }[]): number[] {
  const begun = timeline.filter((step) => step.status === 'PAST' || step.status === 'CURRENT');
  const current = begun.find((step) => step.status === 'CURRENT')?.doseMg;
  const doses = [...new Set(begun.map((step) => step.doseMg))].sort((a, b) => b - a);
  return current === undefined ? doses : [current, ...doses.filter((dose) => dose !== current)];
}

/** Plain words for the severities of §6, as a patient is asked. */
export const PATIENT_SEVERITY_WORDS = {
  MILD: 'A little',
  MODERATE: 'Quite a lot',
  SEVERE: 'Very badly',
} as const satisfies Record<(typeof ADVERSE_EFFECT_SEVERITIES)[number], string>;

/** The longest free text a patient may write about a side effect. */
export const PATIENT_NOTE_MAX_LENGTH = 500;

/** One evening's report, as the phone page sends it (codes from outside). */
export interface PatientReportInput {
  evening: IsoDate;
  dose: { answer: string; doseMg?: number | null };
  scores: readonly { measure: string; score: number }[];
  sideEffects: readonly { kind: string; severity: string; description?: string | null }[];
}

export type PatientReportProblemCode =
  | 'EVENING_IN_THE_FUTURE'
  | 'EVENING_TOO_LATE'
  | 'EVENING_BEFORE_START'
  | 'UNKNOWN_DOSE_ANSWER'
  | 'DOSE_NOT_IN_PLAN'
  | 'PAIN_REQUIRED'
  | 'UNKNOWN_MEASURE'
  | 'INVALID_SCORE'
  | 'DUPLICATE_MEASURE'
  | 'NO_SCORES'
  | 'UNKNOWN_SIDE_EFFECT'
  | 'UNKNOWN_SEVERITY'
  | 'DESCRIPTION_REQUIRED'
  | 'DESCRIPTION_TOO_LONG'
  | 'DUPLICATE_SIDE_EFFECT';

/** Why a report cannot be accepted, with the field it concerns (a path into PatientReportInput). */
export interface PatientReportProblem {
  code: PatientReportProblemCode;
  field: string;
  message: string;
}

/**
 * Every problem of one evening's report, in plain words a patient can act on; [] means it can be
 * recorded. Pain is required (the response rests on it, §5); the secondary measures are optional;
 * each score a whole number 0–10; a dose taken is one of `doses` (reportableDoses); side effects
 * from §6's list, each once, OTHER with a description.
 */
export function patientReportProblems(
  report: PatientReportInput,
  context: { today: IsoDate; doses: readonly number[]; startDate?: IsoDate },
): PatientReportProblem[] {
  const problems: PatientReportProblem[] = [];
  const timing = reportTimingOf(report.evening, context.today);
  if (context.startDate !== undefined && compareDates(report.evening, context.startDate) < 0)
    problems.push({
      code: 'EVENING_BEFORE_START',
      field: 'evening',
      message: `Your trial starts on ${context.startDate}: report from that evening on.`,
    });
  if (timing === 'IN_THE_FUTURE')
    problems.push({
      code: 'EVENING_IN_THE_FUTURE',
      field: 'evening',
      message: 'This evening has not come yet.',
    });
  if (timing === 'TOO_LATE')
    problems.push({
      code: 'EVENING_TOO_LATE',
      field: 'evening',
      message: `You can report tonight or the ${LATE_REPORT_DAYS} evenings before it, not earlier.`,
    });
  const answer = report.dose.answer;
  if (!(DOSE_TAKEN_ANSWERS as readonly string[]).includes(answer))
    problems.push({
      code: 'UNKNOWN_DOSE_ANSWER',
      field: 'dose.answer',
      message: 'Say if you took your dose.',
    });
  if (answer === 'TAKEN' && !context.doses.includes(report.dose.doseMg ?? Number.NaN))
    problems.push({
      code: 'DOSE_NOT_IN_PLAN',
      field: 'dose.doseMg',
      message: `Choose the strength you took: ${context.doses.map((dose) => `${dose} mg`).join(' or ')}.`,
    });
  if (!report.scores.some((score) => score.measure === 'PAIN_NRS'))
    problems.push({
      code: 'PAIN_REQUIRED',
      field: 'scores',
      message: 'Tell us your pain now, from 0 to 10.',
    });
  for (const problem of visitScoreProblems(report.scores)) {
    const field = problem.index === null ? 'scores' : `scores.${problem.index}.${problem.field ?? 'score'}`;
    problems.push({ code: problem.code, field, message: problem.message });
  }
  problems.push(...sideEffectProblems(report.sideEffects));
  return problems;
}

function sideEffectProblems(sideEffects: PatientReportInput['sideEffects']): PatientReportProblem[] {
  const problems: PatientReportProblem[] = [];
  const seen = new Set<string>();
  sideEffects.forEach(({ kind, severity, description }, index) => {
    const at = (field: string) => `sideEffects.${index}.${field}`;
    if (!(kind in ADVERSE_EFFECTS)) {
      problems.push({
        code: 'UNKNOWN_SIDE_EFFECT',
        field: at('kind'),
        message: 'Choose a side effect from the list.',
      });
    } else if (seen.has(kind) && kind !== 'OTHER') {
      problems.push({
        code: 'DUPLICATE_SIDE_EFFECT',
        field: at('kind'),
        message: 'This side effect is listed twice.',
      });
    }
    seen.add(kind);
    if (!(ADVERSE_EFFECT_SEVERITIES as readonly string[]).includes(severity))
      problems.push({
        code: 'UNKNOWN_SEVERITY',
        field: at('severity'),
        message: 'Say how much it bothers you.',
      });
    const text = description?.trim() ?? '';
    if (kind === 'OTHER' && text === '')
      problems.push({
        code: 'DESCRIPTION_REQUIRED',
        field: at('description'),
        message: 'Describe the side effect.',
      });
    if (text.length > PATIENT_NOTE_MAX_LENGTH)
      problems.push({
        code: 'DESCRIPTION_TOO_LONG',
        field: at('description'),
        message: `Use at most ${PATIENT_NOTE_MAX_LENGTH} characters.`,
      });
  });
  return problems;
}

/** Where a score came from: entered by the clinic, or reported by the patient at home. */
export const SCORE_SOURCES = ['CLINIC', 'PATIENT'] as const;
export type ScoreSource = (typeof SCORE_SOURCES)[number];

/**
 * §5 and §10 count each score of the window once. A day may hold a clinic entry and a patient's
 * report of the same measure (both are kept and shown); the response window takes one per day —
 * the clinic's, rated with the clinician at a visit, else the patient's — so a day reported twice
 * never weighs double in the mean. Apply it before classifyResponse.
 */
export function oneScorePerDay<Score extends { date: IsoDate; source: ScoreSource }>(
  scores: readonly Score[],
): Score[] {
  const byDay = new Map<IsoDate, Score>();
  for (const score of scores) {
    const kept = byDay.get(score.date);
    if (kept === undefined || (kept.source === 'PATIENT' && score.source === 'CLINIC'))
      byDay.set(score.date, score);
  }
  return [...byDay.values()];
}

/** Evenings in a row without a report, from the first to the last of them. */
export interface ReportGap {
  from: IsoDate;
  to: IsoDate;
  evenings: number;
}

/** What a trial's home reports say about taking the doses (issue #19), as of a date. */
export interface Adherence {
  /** Evenings reported with the dose taken, and not taken. */
  nightsTaken: number;
  nightsNotTaken: number;
  /** Nights of LDN the pharmacy has dispensed for the trial (days' supply of dispensed orders). */
  nightsSupplied: number;
  /** Evenings with no report, between the first evening the link could report and yesterday. */
  gaps: ReportGap[];
  /** The latest evening reported; null when none. */
  lastReportedOn: IsoDate | null;
}

/**
 * Adherence from the reports: nights reported taken against nights supplied, and the runs of
 * evenings with no report from `since` (the link's first evening) to the day before `asOf`
 * (tonight may still be reported).
 */
export function adherenceOf(input: {
  since: IsoDate;
  asOf: IsoDate;
  reports: readonly { evening: IsoDate; taken: boolean }[];
  nightsSupplied: number;
}): Adherence {
  const reported = new Set(input.reports.map((report) => report.evening));
  const gaps: ReportGap[] = [];
  let open: ReportGap | null = null;
  for (let evening = input.since; compareDates(evening, input.asOf) < 0; evening = addDays(evening, 1)) {
    if (reported.has(evening)) {
      open = null;
      continue;
    }
    if (open === null) {
      open = { from: evening, to: evening, evenings: 1 };
      gaps.push(open);
    } else {
      open.to = evening;
      open.evenings += 1;
    }
  }
  const evenings = [...reported].sort(compareDates);
  return {
    nightsTaken: input.reports.filter((report) => report.taken).length,
    nightsNotTaken: input.reports.filter((report) => !report.taken).length,
    nightsSupplied: input.nightsSupplied,
    gaps,
    lastReportedOn: evenings.at(-1) ?? null,
  };
}

/** The worklist's threshold (issue #19): no report for this many evenings in a row. */
export const MISSED_EVENINGS_ALERT = 3;
/** The worklist's threshold: an open assessment window with fewer pain scores than this. */
export const MINIMUM_WINDOW_SCORES = 4;

/** The gap that ends yesterday when it is at least MISSED_EVENINGS_ALERT long; else null. */
export function currentReportGap(adherence: Adherence, asOf: IsoDate): ReportGap | null {
  const last = adherence.gaps.at(-1);
  if (last === undefined || last.to !== addDays(asOf, -1)) return null;
  return last.evenings >= MISSED_EVENINGS_ALERT ? last : null;
}
