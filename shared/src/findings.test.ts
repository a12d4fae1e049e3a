import { describe, expect, it } from 'vitest';
import { describeEvidence, EVIDENCE } from './evidence.ts';
import {
  decideOnFindings,
  FINDING_CODES,
  FINDINGS,
  finding,
  isSufficientOverrideReason,
} from './findings.ts';

describe('the catalogue of findings', () => {
  it('holds every finding code of §1–§7 and the unknown-condition error', () => {
    expect(FINDING_CODES).toEqual(
      expect.arrayContaining([
        'DOSE_ABOVE_MAXIMUM',
        'DOSE_INVALID',
        'TITRATION_TOO_FAST',
        'OPIOID_CONCURRENT_USE',
        'OPIOID_FREE_NOT_ATTESTED',
        'OPIOID_WASHOUT',
        'OPIOID_STARTED_DURING_TRIAL',
        'ELIGIBILITY_PRIOR_LINES_MISSING',
        'LIMITED_EVIDENCE',
        'BASELINE_MISSING',
        'BASELINE_NO_PAIN',
        'ASSESSMENT_TOO_EARLY',
        'CONSENT_MISSING',
        'CONDITION_NOT_INDICATED',
      ]),
    );
  });

  it.each([
    ['DOSE_ABOVE_MAXIMUM', 'HARD_STOP'],
    ['DOSE_INVALID', 'HARD_STOP'],
    ['TITRATION_TOO_FAST', 'SOFT_STOP'],
    ['OPIOID_CONCURRENT_USE', 'HARD_STOP'],
    ['OPIOID_FREE_NOT_ATTESTED', 'HARD_STOP'],
    ['OPIOID_WASHOUT', 'HARD_STOP'],
    ['ELIGIBILITY_PRIOR_LINES_MISSING', 'SOFT_STOP'],
    ['LIMITED_EVIDENCE', 'WARNING'],
    ['BASELINE_MISSING', 'HARD_STOP'],
    ['BASELINE_NO_PAIN', 'SOFT_STOP'],
    ['ASSESSMENT_TOO_EARLY', 'HARD_STOP'],
    ['CONSENT_MISSING', 'HARD_STOP'],
  ] as const)('makes %s a %s', (code, severity) => {
    expect(FINDINGS[code].severity).toBe(severity);
  });

  it('cites only references of the evidence summary', () => {
    for (const definition of Object.values(FINDINGS)) {
      for (const ref of definition.evidence) expect(Object.keys(EVIDENCE)).toContain(ref);
    }
  });

  it('builds a finding with the standard summary and the particulars', () => {
    expect(finding('DOSE_INVALID', '1.25 mg.')).toEqual({
      code: 'DOSE_INVALID',
      severity: 'HARD_STOP',
      message: 'The nightly dose must be positive and a multiple of 0.5 mg. 1.25 mg.',
      evidence: [],
    });
  });

  it('gives the citation text of each reference', () => {
    expect(describeEvidence(['7', 'seed'])).toEqual([
      { ref: '7', citation: expect.stringContaining('withdrawal') },
      { ref: 'seed', citation: expect.stringContaining('32 %') },
    ]);
  });
});

describe('decideOnFindings', () => {
  const soft = finding('TITRATION_TOO_FAST');
  const hard = finding('DOSE_ABOVE_MAXIMUM');
  const warning = finding('LIMITED_EVIDENCE');

  it.each([
    ['nothing', [], [], 'ALLOWED'],
    ['a warning', [warning], [], 'ALLOWED'],
    ['a soft stop without a reason', [soft], [], 'OVERRIDE_REQUIRED'],
    [
      'a soft stop with a two-word reason',
      [soft],
      [{ code: 'TITRATION_TOO_FAST' as const, reason: 'patient insisted' }],
      'OVERRIDE_REQUIRED',
    ],
    [
      'a soft stop with a reason',
      [soft],
      [{ code: 'TITRATION_TOO_FAST' as const, reason: 'Tolerated well at 3 mg.' }],
      'ALLOWED',
    ],
    [
      'a hard stop with a reason',
      [hard],
      [{ code: 'DOSE_ABOVE_MAXIMUM' as const, reason: 'I know what I am doing' }],
      'REFUSED',
    ],
  ])('decides on %s: %s', (_, findings, overrides, outcome) => {
    expect(decideOnFindings(findings, overrides, 3).outcome).toBe(outcome);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['   ok   fine ', false],
    ['tolerated it well', true],
  ])('counts the words of the reason %j: sufficient %s', (reason, sufficient) => {
    expect(isSufficientOverrideReason(reason, 3)).toBe(sufficient);
  });
});
