import { CONSENT_POINT_CODES, checkTrialStart, DEFAULT_POLICY } from '@ldn/rules';
import { describe, expect, it } from 'vitest';
import { type StartHistories, startRecordsOf, trialStartInputOf } from './start-trial-input.ts';

/** A patient's record with nothing against a fibromyalgia start on 2026-03-01, changed by `overrides`. */
function aReadyPatient(overrides: Partial<StartHistories> = {}): StartHistories {
  return {
    priorTherapies: [
      { drug: 'nortriptyline', classes: ['TCA'], outcome: 'INEFFECTIVE', enteredInError: false },
      {
        drug: 'pregabalin',
        classes: ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'],
        outcome: 'INTOLERANT',
        enteredInError: false,
      },
    ],
    medications: [{ drug: 'ibuprofen', stoppedOn: null, isOpioid: false, enteredInError: false }],
    consents: [{ recordedOn: '2026-02-20', points: CONSENT_POINT_CODES.map((code) => ({ code })) }],
    opioidFreeAttestations: [{ attestedOn: '2026-02-25', lastOpioidDrug: null, lastOpioidDoseOn: null }],
    painScores: [{ scoredOn: '2026-02-27', score: 7, enteredInError: false }],
    ...overrides,
  };
}

const choice = { condition: 'FIBROMYALGIA', startDate: '2026-03-01', overrides: [] };
const codesOf = (histories: StartHistories) =>
  checkTrialStart(trialStartInputOf(histories, choice, DEFAULT_POLICY)).findings.map((f) => f.code);

describe('a patient record as the API lists it, read for the start check', () => {
  it('lets a patient with every requirement start at 1.5 mg', () => {
    expect(codesOf(aReadyPatient())).toEqual([]);
    expect(trialStartInputOf(aReadyPatient(), choice, DEFAULT_POLICY).firstDoseMg).toBe(1.5);
  });

  it('takes the last attestation listed (the API lists them oldest first)', () => {
    const records = startRecordsOf(
      aReadyPatient({
        opioidFreeAttestations: [
          { attestedOn: '2026-01-10', lastOpioidDrug: 'codeine', lastOpioidDoseOn: '2026-01-05' },
          { attestedOn: '2026-02-27', lastOpioidDrug: 'codeine', lastOpioidDoseOn: '2026-02-20' },
        ],
      }),
    );
    expect(records.attestation).toEqual({
      attestedOn: '2026-02-27',
      lastOpioidDrug: 'codeine',
      lastOpioidDoseOn: '2026-02-20',
    });
  });

  it('hands the rules the consents newest first, as plain point codes', () => {
    const complete = { recordedOn: '2026-02-01', points: CONSENT_POINT_CODES.map((code) => ({ code })) };
    const partial = { recordedOn: '2026-02-10', points: [{ code: 'AVOID_OPIOIDS' as const }] };
    expect(startRecordsOf(aReadyPatient({ consents: [complete, partial] })).consents).toEqual([
      { recordedOn: '2026-02-10', points: ['AVOID_OPIOIDS'] },
      { recordedOn: '2026-02-01', points: [...CONSENT_POINT_CODES] },
    ]);
    expect(codesOf(aReadyPatient({ consents: [complete, partial] }))).toEqual([]);
    expect(codesOf(aReadyPatient({ consents: [partial] }))).toEqual(['CONSENT_MISSING']);
  });

  it('finds every finding at once: missing lines, no baseline, no attestation', () => {
    const histories = aReadyPatient({ priorTherapies: [], painScores: [], opioidFreeAttestations: [] });
    expect(codesOf(histories)).toEqual([
      'ELIGIBILITY_PRIOR_LINES_MISSING',
      'OPIOID_FREE_NOT_ATTESTED',
      'BASELINE_MISSING',
    ]);
  });

  it('refuses a start while an active medication is an opioid by its stored classification', () => {
    const medications = [
      { drug: 'ibuprofen', stoppedOn: null, isOpioid: false, enteredInError: false },
      // A name the vocabulary cannot judge, classified as an opioid by a clinician.
      { drug: 'Zorblex', stoppedOn: null, isOpioid: true, enteredInError: false },
    ];
    expect(codesOf(aReadyPatient({ medications }))).toEqual(['OPIOID_CONCURRENT_USE']);
  });

  it('leaves out records entered in error: an opioid entered in error blocks nothing, a therapy meets no line', () => {
    const medications = [{ drug: 'Tylenol #3', stoppedOn: null, isOpioid: true, enteredInError: true }];
    expect(codesOf(aReadyPatient({ medications }))).toEqual([]);
    const [tca, pregabalin] = aReadyPatient().priorTherapies;
    if (tca === undefined || pregabalin === undefined) throw new Error('the builder has two therapies');
    const priorTherapies = [{ ...tca, enteredInError: true }, pregabalin];
    expect(codesOf(aReadyPatient({ priorTherapies }))).toEqual(['ELIGIBILITY_PRIOR_LINES_MISSING']);
    expect(startRecordsOf(aReadyPatient({ priorTherapies, medications }))).toMatchObject({
      priorTherapies: [{ drug: 'pregabalin' }],
      medications: [],
    });
  });

  it('never takes a pain score entered in error as the baseline', () => {
    const painScores = [
      { scoredOn: '2026-02-20', score: 6, enteredInError: false },
      { scoredOn: '2026-02-27', score: 2, enteredInError: true },
    ];
    expect(startRecordsOf(aReadyPatient({ painScores })).painScores).toEqual([
      { date: '2026-02-20', score: 6 },
    ]);
    const onlyVoided = [{ scoredOn: '2026-02-27', score: 7, enteredInError: true }];
    expect(codesOf(aReadyPatient({ painScores: onlyVoided }))).toEqual(['BASELINE_MISSING']);
  });
});
