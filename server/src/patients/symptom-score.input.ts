import { Field, InputType, Int } from 'type-graphql';
import { SymptomMeasure } from './patient.enums.ts';

/**
 * One measure's score in a visit. Its bounds, and one score per measure, are the rules package's
 * (visitScoreProblems), checked with the visit as a whole so every problem is said at once.
 */
@InputType()
export class VisitScoreInput {
  @Field(() => SymptomMeasure)
  measure: SymptomMeasure;

  @Field(() => Int, {
    description:
      'A whole number from 0 to 10; the anchors and the better end are the measure’s (SYMPTOM_SCALES).',
  })
  score: number;
}
