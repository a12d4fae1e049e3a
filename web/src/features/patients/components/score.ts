import {
  betterWhenText,
  SYMPTOM_MEASURES,
  SYMPTOM_SCALES,
  type SymptomMeasure,
  visitScoreProblems,
} from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { formErrorsOf } from '../../../lib/form-errors.ts';

/** A visit's choices: the score chosen for each measure; a measure left blank has none. */
export type VisitChoices = Partial<Record<SymptomMeasure, number>>;

/** One measure's score as the visit sends it. */
export interface ChosenScore {
  measure: SymptomMeasure;
  score: number;
}

/** The scores of a visit in the order of the measures (pain first); blank measures left out. */
export function visitScoresOf(choices: VisitChoices): ChosenScore[] {
  return SYMPTOM_MEASURES.flatMap((measure) => {
    const score = choices[measure];
    return score === undefined ? [] : [{ measure, score }];
  });
}

/** Why the visit cannot be sent yet (the rules' own check: at least one score), or null. */
export function visitProblemOf(choices: VisitChoices): string | null {
  return visitScoreProblems(visitScoresOf(choices))[0]?.message ?? null;
}

/** "0 = No pain · 10 = Worst pain imaginable · Lower is better": a scale read in one line. */
export function scaleAnchorsText(measure: SymptomMeasure): string {
  const { anchors, betterWhen } = SYMPTOM_SCALES[measure];
  return `0 = ${anchors[0]} · 10 = ${anchors[10]} · ${betterWhenText(betterWhen)}`;
}

/** A refusal of a visit split for its form: the date, each measure, and what no field explains. */
export interface VisitErrors {
  scoredOn?: string;
  measures: Partial<Record<SymptomMeasure, string>>;
  general: CombinedError | null;
}

/**
 * Places the API's refusal of a visit: `scores.<i>.measure` / `scores.<i>.score` name the i-th
 * score sent, so the message goes beside that measure; `scoredOn` beside the date.
 */
export function visitErrorsOf(
  error: CombinedError | null | undefined,
  sent: readonly ChosenScore[],
): VisitErrors {
  const paths = sent.flatMap((_, index) => [`scores.${index}.measure`, `scores.${index}.score`]);
  const { fields, general } = formErrorsOf(error, ['scoredOn', ...paths]);
  const measures: Partial<Record<SymptomMeasure, string>> = {};
  sent.forEach(({ measure }, index) => {
    const message = fields[`scores.${index}.measure`] ?? fields[`scores.${index}.score`];
    if (message !== undefined) measures[measure] = message;
  });
  return { ...(fields.scoredOn === undefined ? {} : { scoredOn: fields.scoredOn }), measures, general };
}

/** An amendment's previous score, as the API keeps it (`{"score":6}`); null when it changed none. */
export function previousScoreOf(previous: string): number | null {
  try {
    const parsed = JSON.parse(previous) as { score?: unknown };
    return typeof parsed.score === 'number' ? parsed.score : null;
  } catch {
    return null;
  }
}
