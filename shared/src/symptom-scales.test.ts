import { describe, expect, it } from 'vitest';
import { EVIDENCE } from './evidence.ts';
import { PAIN_SCORE_LOINC, SECONDARY_MEASURES } from './response.ts';
import {
  betterWhenText,
  isSymptomMeasure,
  isSymptomScore,
  SYMPTOM_MEASURES,
  SYMPTOM_SCALES,
  SYMPTOM_SCORE_CHOICES,
  symptomScaleOf,
} from './symptom-scales.ts';

describe('the symptom scales', () => {
  it('has a scale for every measure, pain first then the secondary measures of §5, and nothing else', () => {
    expect(SYMPTOM_MEASURES).toEqual(['PAIN_NRS', ...SECONDARY_MEASURES]);
    expect(Object.keys(SYMPTOM_SCALES).sort()).toEqual([...SYMPTOM_MEASURES].sort());
  });

  it.each(SYMPTOM_MEASURES)('gives %s a label, two distinct anchors and a better end', (measure) => {
    const scale = symptomScaleOf(measure);
    expect(scale.label.trim()).not.toBe('');
    expect(scale.anchors[0].trim()).not.toBe('');
    expect(scale.anchors[10].trim()).not.toBe('');
    expect(scale.anchors[0]).not.toBe(scale.anchors[10]);
    expect(['LOWER', 'HIGHER']).toContain(scale.betterWhen);
    for (const ref of scale.evidence) expect(Object.keys(EVIDENCE)).toContain(ref);
  });

  it('anchors pain as §5’s numeric rating scale: 0 no pain, 10 worst pain imaginable, lower is better', () => {
    expect(SYMPTOM_SCALES.PAIN_NRS).toMatchObject({
      anchors: { 0: 'No pain', 10: 'Worst pain imaginable' },
      betterWhen: 'LOWER',
      loinc: PAIN_SCORE_LOINC,
    });
  });

  it.each([
    ['QUALITY_OF_LIFE', 'HIGHER'],
    ['SLEEP', 'HIGHER'],
    ['FATIGUE', 'LOWER'],
  ] as const)('says which end of %s is better: %s', (measure, betterWhen) => {
    expect(SYMPTOM_SCALES[measure].betterWhen).toBe(betterWhen);
  });

  it('puts the better end’s anchor at the end it names', () => {
    // A lower-is-better scale starts at "no …"; a higher-is-better one ends at "best …".
    for (const measure of SYMPTOM_MEASURES) {
      const { anchors, betterWhen } = SYMPTOM_SCALES[measure];
      const better = betterWhen === 'LOWER' ? anchors[0] : anchors[10];
      expect(better).toMatch(/^(No |Best )/);
    }
  });

  it('rests quality of life on the life satisfaction of the RCT and the MS evidence', () => {
    expect(SYMPTOM_SCALES.QUALITY_OF_LIFE.evidence).toEqual(['1', '2']);
  });

  it('words which end is better', () => {
    expect(betterWhenText('LOWER')).toBe('Lower is better');
    expect(betterWhenText('HIGHER')).toBe('Higher is better');
  });

  it('offers the whole numbers 0 to 10 as the choices', () => {
    expect(SYMPTOM_SCORE_CHOICES).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it.each([
    [0, true],
    [10, true],
    [-1, false],
    [11, false],
    [4.5, false],
    [Number.NaN, false],
  ])('takes %s as a score: %s', (score, allowed) => {
    expect(isSymptomScore(score)).toBe(allowed);
  });

  it('knows its measures and no other code', () => {
    expect(SYMPTOM_MEASURES.every(isSymptomMeasure)).toBe(true);
    expect(isSymptomMeasure('MOOD')).toBe(false);
    expect(isSymptomMeasure('pain_nrs')).toBe(false);
  });
});
