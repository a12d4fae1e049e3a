import { daysBetween, type IsoDate } from './dates.ts';
import { checkDose, START_DOSE_MG } from './dose.ts';
import { checkEligibility, type EligibilityResult, type PriorTherapy } from './eligibility.ts';
import {
  decideOnFindings,
  type FindingsDecision,
  finding,
  type Override,
  type RuleFinding,
} from './findings.ts';
import { checkOpioidFree, type MedicationEntry } from './opioids.ts';
import { type ClinicPolicy, DEFAULT_POLICY } from './policy.ts';
import { findBaseline, type PainScore } from './response.ts';
import { planTitration, type TitrationPlan } from './titration.ts';
import { CONSENT_POINT_CODES, CONSENT_POINTS, type ConsentPoint } from './vocabulary.ts';

/** The patient's recorded understanding (§7). */
export interface ConsentRecord {
  recordedOn: IsoDate;
  points: ConsentPoint[];
}

/** Everything a trial start is checked against, in one call. */
export interface TrialStartInput {
  condition: string;
  priorTherapies: PriorTherapy[];
  startDate: IsoDate;
  activeMedications: readonly MedicationEntry[];
  attestedOn?: IsoDate;
  lastOpioidDose?: { drug: string; date: IsoDate };
  /** Pain scores (0–10); the baseline is taken from them (§5). */
  painScores: PainScore[];
  consent?: ConsentRecord;
  /** The first nightly dose; 1.5 mg unless said otherwise [1]. */
  firstDoseMg?: number;
  /** Reasons given for soft stops (at least `policy.overrideReasonMinimumWords` words). */
  overrides?: Override[];
}

export interface TrialStartResult {
  /** True when nothing refuses the start: no hard stop, and every soft stop has a reason. */
  canStart: boolean;
  /** Every finding, not just the first: indication, opioids, baseline, consent, first dose. */
  findings: RuleFinding[];
  decision: FindingsDecision;
  eligibility: EligibilityResult;
  /** The baseline the start rests on (latest score of the 14 days up to the start), for storing. */
  baseline: PainScore | null;
  /** The default schedule from the start date; null when the first dose is not 1.5 mg. */
  plan: TitrationPlan | null;
  policy: ClinicPolicy;
}

/** §7: CONSENT_MISSING unless all four points were recorded on or before the start. */
export function checkConsent(consent: ConsentRecord | undefined, startDate: IsoDate): RuleFinding[] {
  if (consent === undefined) return [finding('CONSENT_MISSING', 'Nothing is recorded.')];
  if (daysBetween(consent.recordedOn, startDate) < 0) {
    return [
      finding('CONSENT_MISSING', `It was recorded on ${consent.recordedOn}, after the start (${startDate}).`),
    ];
  }
  const missing = CONSENT_POINT_CODES.filter((point) => !consent.points.includes(point));
  if (missing.length === 0) return [];
  return [
    finding(
      'CONSENT_MISSING',
      `Not yet covered: ${missing.map((point) => CONSENT_POINTS[point].text).join(' ')}`,
    ),
  ];
}

/** §5: BASELINE_MISSING (hard stop) without a recent score, BASELINE_NO_PAIN (soft stop) for 0. */
export function checkBaseline(baseline: PainScore | null, startDate: IsoDate): RuleFinding[] {
  if (baseline === null)
    return [finding('BASELINE_MISSING', `No pain score is dated in the 14 days up to ${startDate}.`)];
  if (baseline.score === 0) return [finding('BASELINE_NO_PAIN', `The baseline of ${baseline.date} is 0.`)];
  return [];
}

/** [1]: the first dose is at most 1.5 mg (a larger start is a too-fast increase from nothing). */
export function checkFirstDose(firstDoseMg: number): RuleFinding[] {
  const findings = checkDose(firstDoseMg);
  if (findings.length === 0 && firstDoseMg > START_DOSE_MG) {
    return [
      finding(
        'TITRATION_TOO_FAST',
        `A start at ${firstDoseMg} mg; LDN starts at ${START_DOSE_MG} mg at bedtime.`,
      ),
    ];
  }
  return findings;
}

/**
 * Everything a trial start needs in one call (§2, §3, §5, §7, §4): all findings at once, the
 * decision they lead to, the baseline found and the default schedule. Throws
 * CONDITION_NOT_INDICATED, INVALID_DATE or INVALID_SCORE for malformed input.
 */
export function checkTrialStart(
  input: TrialStartInput,
  policy: ClinicPolicy = DEFAULT_POLICY,
): TrialStartResult {
  const eligibility = checkEligibility({ condition: input.condition, priorTherapies: input.priorTherapies });
  const opioidFindings = checkOpioidFree(
    {
      startDate: input.startDate,
      activeMedications: input.activeMedications,
      ...(input.attestedOn === undefined ? {} : { attestedOn: input.attestedOn }),
      ...(input.lastOpioidDose === undefined ? {} : { lastOpioidDose: input.lastOpioidDose }),
    },
    policy,
  );
  const baseline = findBaseline(input.painScores, input.startDate);
  const firstDoseMg = input.firstDoseMg ?? START_DOSE_MG;
  const findings = [
    ...eligibility.findings,
    ...opioidFindings,
    ...checkBaseline(baseline, input.startDate),
    ...checkConsent(input.consent, input.startDate),
    ...checkFirstDose(firstDoseMg),
  ];
  const decision = decideOnFindings(findings, input.overrides ?? [], policy.overrideReasonMinimumWords);
  return {
    canStart: decision.outcome === 'ALLOWED',
    findings,
    decision,
    eligibility,
    baseline,
    plan: firstDoseMg === START_DOSE_MG ? planTitration({ startDate: input.startDate }) : null,
    policy,
  };
}
