import { drugClassLabel } from '../../drugs/drug-class-labels.ts';

/** Therapy classes as the clinic writes them: TCA and SNRI are abbreviations (clinical-rules §11). */
export function therapyClassLabel(therapyClass: string): string {
  return drugClassLabel(therapyClass);
}
