import { PAIN_SCORE_MAX, PAIN_SCORE_MIN } from './response.ts';
import { isSymptomMeasure, isSymptomScore, SYMPTOM_MEASURES, SYMPTOM_SCALES } from './symptom-scales.ts';

/** One measure's score as a visit's form sends it (the measure a code from outside). */
export interface VisitScore {
  measure: string;
  score: number;
}

export type VisitScoreProblemCode = 'NO_SCORES' | 'UNKNOWN_MEASURE' | 'INVALID_SCORE' | 'DUPLICATE_MEASURE';

/** Why a visit's scores cannot be recorded, and which score (its index) and field it concerns. */
export interface VisitScoreProblem {
  code: VisitScoreProblemCode;
  /** The score's position in the visit; null for the visit as a whole. */
  index: number | null;
  field: 'measure' | 'score' | null;
  message: string;
}

/**
 * §5: the scores of one visit, all recorded or none. A visit scores at least one measure, each
 * measure at most once (one score per measure and day), each a whole number from 0 to 10. Every
 * problem is returned, so a form can say all of them at once; [] means the visit can be recorded.
 */
export function visitScoreProblems(scores: readonly VisitScore[]): VisitScoreProblem[] {
  if (scores.length === 0)
    return [{ code: 'NO_SCORES', index: null, field: null, message: 'Score at least one measure.' }];
  // More scores than measures must repeat one: said once, not once per extra score.
  if (scores.length > SYMPTOM_MEASURES.length) {
    const message = `A visit gives each of the ${SYMPTOM_MEASURES.length} measures at most one score.`;
    return [{ code: 'DUPLICATE_MEASURE', index: null, field: null, message }];
  }
  const problems: VisitScoreProblem[] = [];
  const seen = new Set<string>();
  scores.forEach(({ measure, score }, index) => {
    if (!isSymptomMeasure(measure)) {
      problems.push({
        code: 'UNKNOWN_MEASURE',
        index,
        field: 'measure',
        message: 'This is not a measure the product scores.',
      });
      return;
    }
    const { label } = SYMPTOM_SCALES[measure];
    if (seen.has(measure)) {
      problems.push({
        code: 'DUPLICATE_MEASURE',
        index,
        field: 'measure',
        message: `${label} is scored more than once in this visit; give one score.`,
      });
    }
    seen.add(measure);
    if (!isSymptomScore(score)) {
      problems.push({
        code: 'INVALID_SCORE',
        index,
        field: 'score',
        message: `${label}: a score is a whole number from ${PAIN_SCORE_MIN} to ${PAIN_SCORE_MAX}.`,
      });
    }
  });
  return problems;
}
