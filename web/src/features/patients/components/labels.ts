import { drugClassLabel } from '../../drugs/drug-class-labels.ts';

/** Therapy classes as the clinic writes them: TCA and SNRI are abbreviations (clinical-rules §11). */
export function therapyClassLabel(therapyClass: string): string {
  return drugClassLabel(therapyClass);
}

/** The measures of §5: pain is the primary one, the others are secondary. */
export const MEASURE_LABELS = {
  PAIN_NRS: 'Pain (NRS 0–10)',
  QUALITY_OF_LIFE: 'Quality of life / life satisfaction (0–10)',
  SLEEP: 'Sleep (0–10)',
  FATIGUE: 'Fatigue (0–10)',
} as const;
export type MeasureCode = keyof typeof MEASURE_LABELS;
export const MEASURE_CODES = Object.keys(MEASURE_LABELS) as MeasureCode[];
