import { describe, expect, it } from 'vitest';
import { checkAssessment } from './assessment.ts';

const assessmentOpensOn = '2026-04-26';

describe('checkAssessment', () => {
  it.each([
    ['the day before the window opens', '2026-04-25', ['ASSESSMENT_TOO_EARLY']],
    ['the day the window opens (day 56)', '2026-04-26', []],
    ['the day it is due (day 84)', '2026-05-24', []],
    ['after it was due', '2026-06-01', []],
  ])('judges a CONTINUE decision %s', (_, assessedOn, expected) => {
    const findings = checkAssessment({ assessedOn, decision: 'CONTINUE', assessmentOpensOn });
    expect(findings.map((f) => f.code)).toEqual(expected);
  });

  it('refuses an early assessment as a hard stop resting on [2]', () => {
    expect(checkAssessment({ assessedOn: '2026-04-01', decision: 'EXTEND', assessmentOpensOn })).toEqual([
      {
        code: 'ASSESSMENT_TOO_EARLY',
        severity: 'HARD_STOP',
        message: expect.stringContaining('25 day(s)'),
        evidence: ['2'],
      },
    ]);
  });

  it('refuses an assessment while the target dose has not begun', () => {
    const findings = checkAssessment({
      assessedOn: '2026-04-01',
      decision: 'CONTINUE',
      assessmentOpensOn: null,
    });
    expect(findings.map((f) => f.code)).toEqual(['ASSESSMENT_TOO_EARLY']);
  });

  it.each([
    ['ADVERSE_EFFECTS', []],
    ['PATIENT_CHOICE', []],
    ['INEFFECTIVE', ['ASSESSMENT_TOO_EARLY']],
    ['COST_NOT_COVERED', ['ASSESSMENT_TOO_EARLY']],
  ] as const)('judges an early discontinuation for %s: %j', (discontinuationReason, expected) => {
    const findings = checkAssessment({
      assessedOn: '2026-03-10',
      decision: 'DISCONTINUE',
      discontinuationReason,
      assessmentOpensOn: null,
    });
    expect(findings.map((f) => f.code)).toEqual(expected);
  });

  it('throws INVALID_ASSESSMENT for a discontinuation without a reason', () => {
    expect(() =>
      checkAssessment({ assessedOn: '2026-05-01', decision: 'DISCONTINUE', assessmentOpensOn }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ASSESSMENT' }));
  });
});
