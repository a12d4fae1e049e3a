import { addDays, assertIsoDate, daysBetween, type IsoDate } from './dates.ts';
import { RuleInputError } from './errors.ts';
import { compareFractions, decimalFraction, type Fraction, fraction } from './exact.ts';
import { type ClinicPolicy, DEFAULT_POLICY } from './policy.ts';

/** LOINC code of the 0–10 numeric pain rating (§5). */
export const PAIN_SCORE_LOINC = '72514-3';

/** §5: benefits are mainly subjective [2], so these secondary measures are tracked (optional). */
export const SECONDARY_MEASURES = ['QUALITY_OF_LIFE', 'SLEEP', 'FATIGUE'] as const;
export type SecondaryMeasure = (typeof SECONDARY_MEASURES)[number];

/** §5: response classes, best first. */
export const RESPONSE_CLASSES = ['SUBSTANTIAL', 'MEANINGFUL', 'MINIMAL', 'NONE'] as const;
export type ResponseClass = (typeof RESPONSE_CLASSES)[number];

/** §10: the baseline is the latest score of the 14 days ending on the start date. */
export const BASELINE_WINDOW_DAYS = 14;
/** §10: the response is the mean of the scores of the 7 days ending on the assessment date. */
export const RESPONSE_WINDOW_DAYS = 7;

/** §5: the numeric rating scale runs from 0 (no pain) to 10, in whole numbers. */
export const PAIN_SCORE_MIN = 0;
export const PAIN_SCORE_MAX = 10;

/** One pain score (NRS 0–10) on a date. */
export interface PainScore {
  date: IsoDate;
  score: number;
}

/** Throws INVALID_SCORE unless the score is a whole number from 0 to 10. */
export function assertPainScore(score: number): void {
  if (!Number.isInteger(score) || score < PAIN_SCORE_MIN || score > PAIN_SCORE_MAX) {
    throw new RuleInputError(
      'INVALID_SCORE',
      `A pain score is a whole number from ${PAIN_SCORE_MIN} to ${PAIN_SCORE_MAX}; got ${String(score)}.`,
    );
  }
}

function validatedScores(scores: readonly PainScore[]): PainScore[] {
  for (const { date, score } of scores) {
    assertIsoDate(date);
    assertPainScore(score);
  }
  return [...scores];
}

/** Scores dated in the `days` days ending on `endDate` (that date and the days−1 before it). */
function scoresEndingOn(scores: readonly PainScore[], endDate: IsoDate, days: number): PainScore[] {
  return scores.filter(({ date }) => {
    const daysBefore = daysBetween(date, endDate);
    return daysBefore >= 0 && daysBefore < days;
  });
}

/**
 * §5 and §10: the baseline, i.e. the latest score dated startDate−13 … startDate; null when none.
 * Several scores on that latest date: the last one given (the most recently recorded).
 */
export function findBaseline(scores: readonly PainScore[], startDate: IsoDate): PainScore | null {
  assertIsoDate(startDate);
  let baseline: PainScore | null = null;
  for (const score of scoresEndingOn(validatedScores(scores), startDate, BASELINE_WINDOW_DAYS)) {
    if (baseline === null || daysBetween(baseline.date, score.date) >= 0) baseline = score;
  }
  return baseline;
}

export interface ResponseInput {
  baselineScore: number;
  scores: PainScore[];
  assessedOn: IsoDate;
}

export interface ResponseResult {
  /** Mean of every score dated assessedOn−6 … assessedOn, each counted once. */
  meanScore: number;
  /** (baseline − mean) / baseline: positive when pain fell (baseline 5, mean 6 → −0.2). */
  relativeReduction: number;
  responseClass: ResponseClass;
  /** How many scores the mean is made of, and the window they came from. */
  scoreCount: number;
  window: { from: IsoDate; to: IsoDate };
  /** The policy whose thresholds classified the response. */
  policy: ClinicPolicy;
}

function percentFraction(percent: number): Fraction {
  const value = decimalFraction(percent);
  if (value === null)
    throw new RuleInputError('INVALID_POLICY', 'Response thresholds must be finite numbers.');
  return fraction(value.numerator, value.denominator * 100n);
}

/** The class of an exact relative reduction under the policy's inclusive thresholds. */
export function responseClassOf(reduction: Fraction, policy: ClinicPolicy = DEFAULT_POLICY): ResponseClass {
  const { substantial, meaningful, minimal } = policy.responseThresholdsPercent;
  if (compareFractions(reduction, percentFraction(substantial)) >= 0) return 'SUBSTANTIAL';
  if (compareFractions(reduction, percentFraction(meaningful)) >= 0) return 'MEANINGFUL';
  if (compareFractions(reduction, percentFraction(minimal)) >= 0) return 'MINIMAL';
  return 'NONE';
}

/**
 * §5 and §9: the response class from the relative change of pain, compared exactly with the
 * policy's inclusive thresholds (baseline 7, mean 4.9 is exactly 30 %: MEANINGFUL). Throws
 * INVALID_SCORE, BASELINE_NO_PAIN (baseline 0) or NO_RECENT_SCORES (nothing in the 7 days).
 */
export function classifyResponse(
  input: ResponseInput,
  policy: ClinicPolicy = DEFAULT_POLICY,
): ResponseResult {
  const { baselineScore, assessedOn } = input;
  assertPainScore(baselineScore);
  if (baselineScore === 0) {
    throw new RuleInputError('BASELINE_NO_PAIN', 'A baseline pain score of 0 cannot show a reduction.');
  }
  assertIsoDate(assessedOn);
  const recent = scoresEndingOn(validatedScores(input.scores), assessedOn, RESPONSE_WINDOW_DAYS);
  const window = { from: addDays(assessedOn, 1 - RESPONSE_WINDOW_DAYS), to: assessedOn };
  if (recent.length === 0) {
    throw new RuleInputError(
      'NO_RECENT_SCORES',
      `No pain score is dated ${window.from} … ${window.to}, the 7 days ending on the assessment.`,
    );
  }
  const count = recent.length;
  const total = recent.reduce((sum, { score }) => sum + score, 0);
  // (baseline − total/count) / baseline = (baseline·count − total) / (baseline·count), exactly.
  const scaledBaseline = baselineScore * count;
  const reduction = fraction(BigInt(scaledBaseline - total), BigInt(scaledBaseline));
  return {
    meanScore: total / count,
    relativeReduction: (scaledBaseline - total) / scaledBaseline,
    responseClass: responseClassOf(reduction, policy),
    scoreCount: count,
    window,
    policy,
  };
}
