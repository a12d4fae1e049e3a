import { daysBetween, type IsoDate } from './dates.ts';
import { RuleInputError } from './errors.ts';
import { finding, type RuleFinding } from './findings.ts';
import {
  type AssessmentDecision,
  DISCONTINUATION_REASONS,
  DISCONTINUATION_REASONS_ALLOWED_ANY_TIME,
  type DiscontinuationReason,
} from './vocabulary.ts';

export interface AssessmentInput {
  assessedOn: IsoDate;
  decision: AssessmentDecision;
  /** Required when the decision is DISCONTINUE. */
  discontinuationReason?: DiscontinuationReason;
  /** From planTitration or deriveTrialStatus; null while the target dose has not begun. */
  assessmentOpensOn: IsoDate | null;
}

/**
 * §5: ASSESSMENT_TOO_EARLY (hard stop) before the window opens [2], except a discontinuation for
 * intolerance or patient choice. Throws INVALID_ASSESSMENT for a discontinuation without a reason.
 */
export function checkAssessment(input: AssessmentInput): RuleFinding[] {
  const { assessedOn, decision, discontinuationReason, assessmentOpensOn } = input;
  if (
    decision === 'DISCONTINUE' &&
    (discontinuationReason === undefined || !(discontinuationReason in DISCONTINUATION_REASONS))
  ) {
    throw new RuleInputError(
      'INVALID_ASSESSMENT',
      'A discontinuation needs one of the discontinuation reasons.',
    );
  }
  const allowedAnyTime =
    decision === 'DISCONTINUE' &&
    discontinuationReason !== undefined &&
    DISCONTINUATION_REASONS_ALLOWED_ANY_TIME.includes(discontinuationReason);
  if (allowedAnyTime) return [];
  if (assessmentOpensOn === null) {
    return [finding('ASSESSMENT_TOO_EARLY', 'The target (or maintenance) dose has not begun yet.')];
  }
  const daysToOpening = daysBetween(assessedOn, assessmentOpensOn);
  if (daysToOpening > 0) {
    return [
      finding(
        'ASSESSMENT_TOO_EARLY',
        `The window opens on ${assessmentOpensOn}, ${daysToOpening} day(s) later.`,
      ),
    ];
  }
  return [];
}
