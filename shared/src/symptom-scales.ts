import type { EvidenceRef } from './evidence.ts';
import { PAIN_SCORE_LOINC, PAIN_SCORE_MAX, PAIN_SCORE_MIN, SECONDARY_MEASURES } from './response.ts';

/** §5: the measures a visit scores: pain (the primary measure and the baseline), then the secondary ones. */
export const SYMPTOM_MEASURES = ['PAIN_NRS', ...SECONDARY_MEASURES] as const;
export type SymptomMeasure = (typeof SYMPTOM_MEASURES)[number];

/** Which end of a 0–10 scale is the better one for the patient. */
export type BetterWhen = 'LOWER' | 'HIGHER';

/** How one measure is scored: what it is called, what 0 and 10 mean, and which end is better. */
export interface SymptomScale {
  /** The measure's name as the clinic says it: "Pain". */
  label: string;
  /** What the 0 and the 10 of its 0–10 scale stand for, as the patient is asked. */
  anchors: { readonly [PAIN_SCORE_MIN]: string; readonly [PAIN_SCORE_MAX]: string };
  betterWhen: BetterWhen;
  /** The LOINC code of the scale, where one is named (§5: pain NRS 72514-3). */
  loinc: string | null;
  /** The references the measure rests on; [] where the anchors are the product's own wording. */
  evidence: readonly EvidenceRef[];
}

/**
 * §5: every measure on a 0–10 numeric rating scale with its anchors, shown wherever a score is
 * entered or read, so nobody has to guess which end is better. Pain: the numeric rating scale of
 * §5 (LOINC 72514-3), lower is better [1][6]. Quality of life / life satisfaction: what the
 * fibromyalgia RCT saw improve [1] and where the MS benefit lies [2], higher is better. The summary
 * names no sleep or fatigue instrument, so their anchors are the product's plain wording: sleep is
 * asked as its quality, better when higher like quality of life; fatigue as its severity, better
 * when lower like pain.
 */
export const SYMPTOM_SCALES = {
  PAIN_NRS: {
    label: 'Pain',
    anchors: { 0: 'No pain', 10: 'Worst pain imaginable' },
    betterWhen: 'LOWER',
    loinc: PAIN_SCORE_LOINC,
    evidence: ['1', '6'],
  },
  QUALITY_OF_LIFE: {
    label: 'Quality of life / life satisfaction',
    anchors: { 0: 'Worst possible quality of life', 10: 'Best possible quality of life' },
    betterWhen: 'HIGHER',
    loinc: null,
    evidence: ['1', '2'],
  },
  SLEEP: {
    label: 'Sleep quality',
    anchors: { 0: 'Worst possible sleep', 10: 'Best possible sleep' },
    betterWhen: 'HIGHER',
    loinc: null,
    evidence: [],
  },
  FATIGUE: {
    label: 'Fatigue',
    anchors: { 0: 'No fatigue', 10: 'Worst fatigue imaginable' },
    betterWhen: 'LOWER',
    loinc: null,
    evidence: [],
  },
} as const satisfies Record<SymptomMeasure, SymptomScale>;

/** The scale of a measure. */
export const symptomScaleOf = (measure: SymptomMeasure): SymptomScale => SYMPTOM_SCALES[measure];

/** True for a measure the rules know (a code from outside: a form, an import). */
export const isSymptomMeasure = (code: string): code is SymptomMeasure =>
  (SYMPTOM_MEASURES as readonly string[]).includes(code);

/** "Lower is better" / "Higher is better", as the form and the lists say it. */
export const betterWhenText = (betterWhen: BetterWhen): string =>
  betterWhen === 'LOWER' ? 'Lower is better' : 'Higher is better';

/** The whole numbers a score may take, 0 to 10 in order: the choices a form offers. */
export const SYMPTOM_SCORE_CHOICES: readonly number[] = Array.from(
  { length: PAIN_SCORE_MAX - PAIN_SCORE_MIN + 1 },
  (_, offset) => PAIN_SCORE_MIN + offset,
);

/** True for a score the scales allow: a whole number from 0 to 10. */
export const isSymptomScore = (score: number): boolean =>
  Number.isInteger(score) && score >= PAIN_SCORE_MIN && score <= PAIN_SCORE_MAX;
