import { describe, expect, it } from 'vitest';
import { summarizeOutcomes } from './outcomes.ts';

describe('summarizeOutcomes', () => {
  it('counts reasons and response classes, and averages the pain change', () => {
    const summary = summarizeOutcomes([
      {
        discontinuationReason: 'INEFFECTIVE',
        response: { baselineScore: 7, meanScore: 7, responseClass: 'NONE' },
      },
      { response: { baselineScore: 8, meanScore: 4, responseClass: 'SUBSTANTIAL' }, hadAdverseEffect: true },
      { discontinuationReason: 'ADVERSE_EFFECTS', hadAdverseEffect: true },
      {},
    ]);
    expect(summary).toMatchObject({
      trialCount: 4,
      meanPainChange: -2,
      adverseEffectRate: 0.5,
      responseClasses: { SUBSTANTIAL: 1, MEANINGFUL: 0, MINIMAL: 0, NONE: 1 },
    });
    expect(summary.discontinuationReasons).toMatchObject({
      INEFFECTIVE: 1,
      ADVERSE_EFFECTS: 1,
      PATIENT_CHOICE: 0,
    });
  });

  it('has no means without trials', () => {
    expect(summarizeOutcomes([])).toMatchObject({
      trialCount: 0,
      meanPainChange: null,
      adverseEffectRate: null,
    });
  });
});
