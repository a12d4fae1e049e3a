import { humanize } from '../../../lib/format.ts';

/** Therapy classes as the clinic writes them: TCA and SNRI are abbreviations. */
export function therapyClassLabel(therapyClass: string): string {
  return therapyClass === 'TCA' || therapyClass === 'SNRI' ? therapyClass : humanize(therapyClass);
}

/** What each class covers (clinical-rules §2), beside its checkbox. */
export const THERAPY_CLASS_HINTS: Readonly<Record<string, string>> = {
  TCA: 'tricyclic antidepressant: nortriptyline, amitriptyline',
  SNRI: 'duloxetine, venlafaxine, milnacipran',
  ANTICONVULSANT: 'carbamazepine, gabapentin, pregabalin',
  DISEASE_SPECIFIC: 'MS disease-modifying therapy; FDA-approved fibromyalgia drug',
  OPIOID: '',
  OTHER: '',
};

/** The measures of §5: pain is the primary one, the others are secondary. */
export const MEASURE_LABELS = {
  PAIN_NRS: 'Pain (NRS 0–10)',
  QUALITY_OF_LIFE: 'Quality of life / life satisfaction (0–10)',
  SLEEP: 'Sleep (0–10)',
  FATIGUE: 'Fatigue (0–10)',
} as const;
export type MeasureCode = keyof typeof MEASURE_LABELS;
export const MEASURE_CODES = Object.keys(MEASURE_LABELS) as MeasureCode[];
