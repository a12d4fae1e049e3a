import { describe, expect, it } from 'vitest';
import { checkTrialStart, type TrialStartInput } from './trial-start.ts';
import { CONSENT_POINT_CODES } from './vocabulary.ts';

/** A fibromyalgia patient ready to start on 2026-03-01, with the given changes. */
function aTrialStart(changes: Partial<TrialStartInput> = {}): TrialStartInput {
  return {
    condition: 'FIBROMYALGIA',
    priorTherapies: [
      { drug: 'amitriptyline', classes: ['TCA'], outcome: 'INEFFECTIVE' },
      { drug: 'pregabalin', classes: ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'], outcome: 'INTOLERANT' },
    ],
    startDate: '2026-03-01',
    activeMedications: ['ibuprofen'],
    attestedOn: '2026-02-28',
    painScores: [
      { date: '2026-02-10', score: 8 },
      { date: '2026-02-26', score: 7 },
    ],
    consent: { recordedOn: '2026-02-28', points: [...CONSENT_POINT_CODES] },
    ...changes,
  };
}

const codes = (result: { findings: { code: string }[] }) => result.findings.map((f) => f.code);

describe('checkTrialStart', () => {
  it('allows a complete start, with the baseline it found and the default schedule', () => {
    const result = checkTrialStart(aTrialStart());
    expect(result.canStart).toBe(true);
    expect(result.findings).toEqual([]);
    expect(result.baseline).toEqual({ date: '2026-02-26', score: 7 });
    expect(result.plan?.targetReachedOn).toBe('2026-03-29');
    expect(result.policy.name).toBe('Default (clinical-rules.md)');
  });

  it('returns every finding at once, not the first only', () => {
    const result = checkTrialStart(
      aTrialStart({
        priorTherapies: [],
        activeMedications: ['Percocet'],
        attestedOn: undefined,
        painScores: [],
        consent: undefined,
        firstDoseMg: 5,
      }),
    );
    expect(codes(result)).toEqual([
      'ELIGIBILITY_PRIOR_LINES_MISSING',
      'OPIOID_CONCURRENT_USE',
      'OPIOID_FREE_NOT_ATTESTED',
      'BASELINE_MISSING',
      'CONSENT_MISSING',
      'DOSE_ABOVE_MAXIMUM',
    ]);
    expect(result.canStart).toBe(false);
    expect(result.decision.outcome).toBe('REFUSED');
    expect(result.baseline).toBeNull();
  });

  it('refuses the start without a baseline in the 14 days up to it (hard stop)', () => {
    const result = checkTrialStart(aTrialStart({ painScores: [{ date: '2026-02-15', score: 7 }] }));
    expect(result.findings).toEqual([
      { code: 'BASELINE_MISSING', severity: 'HARD_STOP', message: expect.any(String), evidence: [] },
    ]);
  });

  it('makes a baseline of 0 a soft stop (BASELINE_NO_PAIN) that a reason can override', () => {
    const painScores = [{ date: '2026-03-01', score: 0 }];
    const refused = checkTrialStart(aTrialStart({ painScores }));
    expect(codes(refused)).toEqual(['BASELINE_NO_PAIN']);
    expect(refused.decision.outcome).toBe('OVERRIDE_REQUIRED');

    const tooShort = checkTrialStart(
      aTrialStart({ painScores, overrides: [{ code: 'BASELINE_NO_PAIN', reason: 'sleep' }] }),
    );
    expect(tooShort.canStart).toBe(false);

    const overridden = checkTrialStart(
      aTrialStart({
        painScores,
        overrides: [{ code: 'BASELINE_NO_PAIN', reason: 'Trial for fatigue and sleep.' }],
      }),
    );
    expect(overridden.canStart).toBe(true);
    expect(overridden.decision.acceptedOverrides).toHaveLength(1);
  });

  it('lets a reason override missing prior lines, but nothing overrides a hard stop', () => {
    const overrides = [
      { code: 'ELIGIBILITY_PRIOR_LINES_MISSING' as const, reason: 'Intolerant of all TCAs per records.' },
    ];
    expect(checkTrialStart(aTrialStart({ priorTherapies: [], overrides })).canStart).toBe(true);
    expect(
      checkTrialStart(aTrialStart({ priorTherapies: [], overrides, activeMedications: ['tramadol'] }))
        .canStart,
    ).toBe(false);
  });

  it.each([
    ['no consent record', undefined],
    ['a consent recorded after the start', { recordedOn: '2026-03-02', points: [...CONSENT_POINT_CODES] }],
    ['a consent missing one point', { recordedOn: '2026-02-20', points: CONSENT_POINT_CODES.slice(1) }],
  ])('refuses the start with %s (CONSENT_MISSING)', (_, consent) => {
    expect(codes(checkTrialStart(aTrialStart({ consent })))).toEqual(['CONSENT_MISSING']);
  });

  it.each([
    [1.5, []],
    [1, []],
    [3, ['TITRATION_TOO_FAST']],
    [4.55, ['DOSE_ABOVE_MAXIMUM', 'DOSE_INVALID']],
  ])('checks a first dose of %s mg: %j', (firstDoseMg, expected) => {
    expect(codes(checkTrialStart(aTrialStart({ firstDoseMg })))).toEqual(expected);
  });

  it('warns of limited evidence for other chronic pain but lets the start go through', () => {
    const result = checkTrialStart(
      aTrialStart({
        condition: 'OTHER_CHRONIC_PAIN',
        priorTherapies: [
          { drug: 'duloxetine', classes: ['SNRI'], outcome: 'INEFFECTIVE' },
          { drug: 'carbamazepine', classes: ['ANTICONVULSANT'], outcome: 'CONTRAINDICATED' },
        ],
      }),
    );
    expect(codes(result)).toEqual(['LIMITED_EVIDENCE']);
    expect(result.canStart).toBe(true);
  });

  it('refuses a start 9 days after the last methadone dose (14-day washout)', () => {
    const input = aTrialStart({
      lastOpioidDose: { drug: 'methadone', date: '2026-02-20' },
      attestedOn: '2026-02-25',
    });
    expect(codes(checkTrialStart(input))).toEqual(['OPIOID_WASHOUT']);
  });

  it('throws CONDITION_NOT_INDICATED for a condition outside §1', () => {
    expect(() => checkTrialStart(aTrialStart({ condition: 'MIGRAINE' }))).toThrow(
      expect.objectContaining({ code: 'CONDITION_NOT_INDICATED' }),
    );
  });
});
