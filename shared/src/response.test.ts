import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { definePolicy } from './policy.ts';
import {
  assertPainScore,
  classifyResponse,
  findBaseline,
  PAIN_SCORE_MAX,
  PAIN_SCORE_MIN,
  RESPONSE_CLASSES,
} from './response.ts';

const assessedOn = '2026-05-01';
/** Scores whose mean is exactly total/count, all on the assessment date. */
function scoresSumming(total: number, count: number) {
  const scores = Array.from({ length: count }, () => Math.floor(total / count));
  for (let index = 0; index < total % count; index += 1) scores[index] = (scores[index] ?? 0) + 1;
  return scores.map((score) => ({ date: assessedOn, score }));
}

describe('classifyResponse', () => {
  it('classes baseline 7, mean 4.9 as exactly a 30 % reduction: MEANINGFUL', () => {
    const result = classifyResponse({ baselineScore: 7, scores: scoresSumming(49, 10), assessedOn });
    expect(result).toMatchObject({ meanScore: 4.9, relativeReduction: 0.3, responseClass: 'MEANINGFUL' });
  });

  it.each([
    ['exactly 50 %', 10, 5, 1, 'SUBSTANTIAL'],
    ['just under 50 %', 10, 51, 10, 'MEANINGFUL'],
    ['exactly 30 %', 10, 7, 1, 'MEANINGFUL'],
    ['just under 30 %', 10, 71, 10, 'MINIMAL'],
    ['exactly 10 %', 10, 9, 1, 'MINIMAL'],
    ['just under 10 %', 10, 91, 10, 'NONE'],
    ['no change', 6, 6, 1, 'NONE'],
    ['worse', 5, 6, 1, 'NONE'],
    ['all pain gone', 8, 0, 1, 'SUBSTANTIAL'],
    ['exactly 10 % of 3 (2.7)', 3, 27, 10, 'MINIMAL'],
  ])('classes %s as %s', (_, baselineScore, total, count, responseClass) => {
    expect(
      classifyResponse({ baselineScore, scores: scoresSumming(total, count), assessedOn }).responseClass,
    ).toBe(responseClass);
  });

  it('gives the relative reduction as a fraction, negative when pain rose (baseline 5, mean 6 → −0.2)', () => {
    expect(
      classifyResponse({ baselineScore: 5, scores: [{ date: assessedOn, score: 6 }], assessedOn })
        .relativeReduction,
    ).toBe(-0.2);
  });

  it('averages every score of the 7 days ending on the assessment, each counted once', () => {
    const scores = [
      { date: addDays(assessedOn, -7), score: 0 }, // outside: 8 days before
      { date: addDays(assessedOn, -6), score: 6 },
      { date: addDays(assessedOn, -6), score: 4 },
      { date: assessedOn, score: 2 },
      { date: addDays(assessedOn, 1), score: 0 }, // after the assessment
    ];
    const result = classifyResponse({ baselineScore: 8, scores, assessedOn });
    expect(result).toMatchObject({
      meanScore: 4,
      relativeReduction: 0.5,
      responseClass: 'SUBSTANTIAL',
      scoreCount: 3,
    });
    expect(result.window).toEqual({ from: '2026-04-25', to: assessedOn });
  });

  it('says which policy classified the response, and follows a clinic policy', () => {
    const input = { baselineScore: 10, scores: [{ date: assessedOn, score: 6 }], assessedOn };
    expect(classifyResponse(input).policy.name).toBe('Default (clinical-rules.md)');
    const strict = definePolicy({ name: 'Strict', responseThresholdsPercent: { meaningful: 40.5 } });
    expect(classifyResponse(input, strict)).toMatchObject({
      responseClass: 'MINIMAL',
      policy: { name: 'Strict' },
    });
  });

  it('throws NO_RECENT_SCORES when no score falls in the 7 days', () => {
    const scores = [{ date: addDays(assessedOn, -7), score: 3 }];
    expect(() => classifyResponse({ baselineScore: 7, scores, assessedOn })).toThrow(
      expect.objectContaining({ code: 'NO_RECENT_SCORES' }),
    );
  });

  it('throws BASELINE_NO_PAIN for a baseline of 0', () => {
    expect(() =>
      classifyResponse({ baselineScore: 0, scores: [{ date: assessedOn, score: 0 }], assessedOn }),
    ).toThrow(expect.objectContaining({ code: 'BASELINE_NO_PAIN' }));
  });

  it.each([11, -1, 4.5, Number.NaN])('throws INVALID_SCORE for a score of %s', (score) => {
    expect(() =>
      classifyResponse({ baselineScore: 7, scores: [{ date: assessedOn, score }], assessedOn }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SCORE' }));
    expect(() =>
      classifyResponse({ baselineScore: score, scores: [{ date: assessedOn, score: 5 }], assessedOn }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SCORE' }));
  });

  it('bounds the scale at PAIN_SCORE_MIN and PAIN_SCORE_MAX (0 and 10), the constants the API validates with', () => {
    expect([PAIN_SCORE_MIN, PAIN_SCORE_MAX]).toEqual([0, 10]);
    expect(() => assertPainScore(PAIN_SCORE_MIN)).not.toThrow();
    expect(() => assertPainScore(PAIN_SCORE_MAX)).not.toThrow();
    expect(() => assertPainScore(PAIN_SCORE_MIN - 1)).toThrow(
      expect.objectContaining({ code: 'INVALID_SCORE' }),
    );
    expect(() => assertPainScore(PAIN_SCORE_MAX + 1)).toThrow(
      expect.objectContaining({ code: 'INVALID_SCORE' }),
    );
  });

  it('throws INVALID_DATE for an assessment date that does not exist', () => {
    expect(() => classifyResponse({ baselineScore: 7, scores: [], assessedOn: '2026-02-30' })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });

  it('never classes a higher mean score as a better response', () => {
    const rank = (responseClass: string) =>
      RESPONSE_CLASSES.indexOf(responseClass as (typeof RESPONSE_CLASSES)[number]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 14 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 14 }),
        (baselineScore, first, second) => {
          const classOf = (values: number[]) =>
            classifyResponse({
              baselineScore,
              scores: values.map((score) => ({ date: assessedOn, score })),
              assessedOn,
            });
          const a = classOf(first);
          const b = classOf(second);
          if (a.meanScore <= b.meanScore)
            expect(rank(a.responseClass)).toBeLessThanOrEqual(rank(b.responseClass));
          else expect(rank(a.responseClass)).toBeGreaterThanOrEqual(rank(b.responseClass));
        },
      ),
    );
  });
});

describe('findBaseline', () => {
  const startDate = '2026-03-01';

  it.each([
    ['on the start date', 0, true],
    ['13 days before the start', -13, true],
    ['14 days before the start', -14, false],
    ['the day after the start', 1, false],
  ])('takes a score dated %s: %s', (_, offset, found) => {
    const score = { date: addDays(startDate, offset), score: 6 };
    expect(findBaseline([score], startDate)).toEqual(found ? score : null);
  });

  it('takes the latest score of the window, the last recorded on a tie', () => {
    const scores = [
      { date: '2026-02-25', score: 7 },
      { date: '2026-02-27', score: 5 },
      { date: '2026-02-27', score: 6 },
      { date: '2026-02-20', score: 9 },
    ];
    expect(findBaseline(scores, startDate)).toEqual({ date: '2026-02-27', score: 6 });
  });
});
