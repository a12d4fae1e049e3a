import { describe, expect, it } from 'vitest';
import { visitScoreProblems } from './visit-scores.ts';

describe('visitScoreProblems', () => {
  it('accepts one score of each measure at the bounds of the scale', () => {
    expect(
      visitScoreProblems([
        { measure: 'PAIN_NRS', score: 0 },
        { measure: 'QUALITY_OF_LIFE', score: 10 },
        { measure: 'SLEEP', score: 5 },
        { measure: 'FATIGUE', score: 7 },
      ]),
    ).toEqual([]);
  });

  it('accepts a visit of one measure (the others left blank)', () => {
    expect(visitScoreProblems([{ measure: 'FATIGUE', score: 3 }])).toEqual([]);
  });

  it('refuses a visit with no score', () => {
    expect(visitScoreProblems([])).toEqual([
      { code: 'NO_SCORES', index: null, field: null, message: 'Score at least one measure.' },
    ]);
  });

  it.each([-1, 11, 2.5, Number.NaN])('refuses the score %s, naming the measure', (score) => {
    expect(
      visitScoreProblems([
        { measure: 'PAIN_NRS', score: 4 },
        { measure: 'SLEEP', score },
      ]),
    ).toEqual([
      {
        code: 'INVALID_SCORE',
        index: 1,
        field: 'score',
        message: 'Sleep quality: a score is a whole number from 0 to 10.',
      },
    ]);
  });

  it('refuses a measure scored twice in one visit, at its second score', () => {
    expect(
      visitScoreProblems([
        { measure: 'PAIN_NRS', score: 4 },
        { measure: 'FATIGUE', score: 2 },
        { measure: 'PAIN_NRS', score: 5 },
      ]),
    ).toMatchObject([
      { code: 'DUPLICATE_MEASURE', index: 2, field: 'measure', message: expect.stringMatching(/^Pain /) },
    ]);
  });

  it('refuses more scores than there are measures in one problem', () => {
    const scores = Array.from({ length: 40 }, () => ({ measure: 'PAIN_NRS', score: 5 }));
    expect(visitScoreProblems(scores)).toEqual([
      {
        code: 'DUPLICATE_MEASURE',
        index: null,
        field: null,
        message: 'A visit gives each of the 4 measures at most one score.',
      },
    ]);
  });

  it('refuses a measure it does not know', () => {
    expect(visitScoreProblems([{ measure: 'MOOD', score: 4 }])).toMatchObject([
      { code: 'UNKNOWN_MEASURE', index: 0, field: 'measure' },
    ]);
  });

  it('returns every problem at once', () => {
    expect(
      visitScoreProblems([
        { measure: 'PAIN_NRS', score: 12 },
        { measure: 'PAIN_NRS', score: -3 },
      ]).map((problem) => [problem.code, problem.index]),
    ).toEqual([
      ['INVALID_SCORE', 0],
      ['DUPLICATE_MEASURE', 1],
      ['INVALID_SCORE', 1],
    ]);
  });
});
