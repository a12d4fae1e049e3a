import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { previousScoreOf, scaleAnchorsText, visitErrorsOf, visitProblemOf, visitScoresOf } from './score.ts';

const refusal = (fields: { field: string; message: string }[]) =>
  new CombinedError({
    graphQLErrors: [
      new GraphQLError(fields.map((f) => f.message).join(' '), {
        extensions: { code: 'BAD_USER_INPUT', field: fields[0]?.field, fields },
      }),
    ],
  });

describe('a visit’s scores', () => {
  it('sends the measures chosen in the order of the scales, pain first, blank ones left out', () => {
    expect(visitScoresOf({ FATIGUE: 2, PAIN_NRS: 6, SLEEP: 0 })).toEqual([
      { measure: 'PAIN_NRS', score: 6 },
      { measure: 'SLEEP', score: 0 },
      { measure: 'FATIGUE', score: 2 },
    ]);
  });

  it('needs at least one score, as the rules say', () => {
    expect(visitProblemOf({})).toBe('Score at least one measure.');
    expect(visitProblemOf({ QUALITY_OF_LIFE: 10 })).toBeNull();
  });

  it('reads a scale in one line: both anchors and the better end', () => {
    expect(scaleAnchorsText('PAIN_NRS')).toBe('0 = No pain · 10 = Worst pain imaginable · Lower is better');
    expect(scaleAnchorsText('QUALITY_OF_LIFE')).toMatch(/Higher is better$/);
  });

  it('puts a refusal of the i-th score sent beside its measure, and the date beside the date', () => {
    const sent = visitScoresOf({ PAIN_NRS: 6, SLEEP: 4 });
    const errors = visitErrorsOf(
      refusal([
        { field: 'scores.1.measure', message: 'Sleep quality was already scored on 2026-03-10.' },
        { field: 'scoredOn', message: 'This date cannot be after today (2026-03-10).' },
      ]),
      sent,
    );
    expect(errors).toEqual({
      scoredOn: 'This date cannot be after today (2026-03-10).',
      measures: { SLEEP: 'Sleep quality was already scored on 2026-03-10.' },
      general: null,
    });
  });

  it('keeps what no field explains for the form', () => {
    const error = refusal([{ field: 'scores', message: 'Score at least one measure.' }]);
    expect(visitErrorsOf(error, []).general).toBe(error);
  });

  it('reads the previous score an amendment kept', () => {
    expect(previousScoreOf('{"score":6}')).toBe(6);
    expect(previousScoreOf('{}')).toBeNull();
    expect(previousScoreOf('not json')).toBeNull();
  });
});
