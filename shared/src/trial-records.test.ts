import { describe, expect, it } from 'vitest';
import type { Override } from './findings.ts';
import { DEFAULT_POLICY } from './policy.ts';
import {
  consentForStart,
  latestOpioidDose,
  type StartRecords,
  type TrialHistory,
  trialStartInputOf,
  trialStatusInputOf,
} from './trial-records.ts';
import { checkTrialStart } from './trial-start.ts';
import { deriveTrialStatus } from './trial-status.ts';
import { CONSENT_POINT_CODES } from './vocabulary.ts';

/** A patient's record with nothing against a fibromyalgia start on 2026-03-01, changed by `overrides`. */
function aReadyPatient(overrides: Partial<StartRecords> = {}): StartRecords {
  return {
    priorTherapies: [
      { drug: 'nortriptyline', classes: ['TCA'], outcome: 'INEFFECTIVE' },
      { drug: 'pregabalin', classes: ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'], outcome: 'INTOLERANT' },
    ],
    medications: [{ drug: 'ibuprofen', stoppedOn: null, isOpioid: false }],
    consents: [{ recordedOn: '2026-02-20', points: [...CONSENT_POINT_CODES] }],
    attestation: { attestedOn: '2026-02-25', lastOpioidDrug: null, lastOpioidDoseOn: null },
    painScores: [{ date: '2026-02-27', score: 7 }],
    ...overrides,
  };
}

const choice = { condition: 'FIBROMYALGIA', startDate: '2026-03-01' };
const codesOf = (records: StartRecords) =>
  checkTrialStart(trialStartInputOf(records, choice, DEFAULT_POLICY)).findings.map((f) => f.code);

describe('the start check input read from a patient record', () => {
  it('lets a patient with every requirement start at 1.5 mg', () => {
    expect(codesOf(aReadyPatient())).toEqual([]);
    expect(trialStartInputOf(aReadyPatient(), choice, DEFAULT_POLICY).firstDoseMg).toBe(1.5);
  });

  it('counts only medications without a stop date as active', () => {
    const records = aReadyPatient({
      medications: [
        { drug: 'tramadol', stoppedOn: '2026-02-01', isOpioid: true },
        { drug: 'oxycodone', stoppedOn: null, isOpioid: true },
      ],
    });
    expect(trialStartInputOf(records, choice, DEFAULT_POLICY).activeMedications).toEqual([
      { drug: 'oxycodone', isOpioid: true },
    ]);
    expect(codesOf(records)).toContain('OPIOID_CONCURRENT_USE');
  });

  // §11: the stored classification decides, not the name read again.
  it('takes a clinician-classified opioid as one, and a confirmed non-opioid as none', () => {
    const opioid = aReadyPatient({ medications: [{ drug: 'Zorbafen', stoppedOn: null, isOpioid: true }] });
    expect(codesOf(opioid)).toContain('OPIOID_CONCURRENT_USE');
    const notOpioid = aReadyPatient({
      medications: [{ drug: 'Zorbafen', stoppedOn: null, isOpioid: false }],
    });
    expect(codesOf(notOpioid)).not.toContain('OPIOID_CONCURRENT_USE');
  });

  it('takes the later of the attestation’s last dose and the stopped opioids', () => {
    const records = aReadyPatient({
      medications: [{ drug: 'tramadol', stoppedOn: '2026-02-26', isOpioid: true }],
      attestation: { attestedOn: '2026-02-27', lastOpioidDrug: 'codeine', lastOpioidDoseOn: '2026-02-20' },
    });
    const input = trialStartInputOf(records, choice, DEFAULT_POLICY);
    expect(input.attestedOn).toBe('2026-02-27');
    expect(input.lastOpioidDose).toEqual({ drug: 'tramadol', date: '2026-02-26' });
    expect(codesOf(records)).toEqual(['OPIOID_WASHOUT']);
  });

  it.each([
    ['2026-02-22', []],
    ['2026-02-23', ['OPIOID_WASHOUT']],
  ])('counts a last dose with no drug named as an opioid (last dose %s)', (lastOpioidDoseOn, expected) => {
    const records = aReadyPatient({
      attestation: { attestedOn: '2026-02-27', lastOpioidDrug: null, lastOpioidDoseOn },
    });
    expect(codesOf(records)).toEqual(expected);
  });

  it('prefers the longer washout when two opioids were last taken on one day', () => {
    expect(
      latestOpioidDose(
        [
          { drug: 'oxycodone', date: '2026-02-20' },
          { drug: 'methadone', date: '2026-02-20' },
        ],
        DEFAULT_POLICY,
      ),
    ).toEqual({ drug: 'methadone', date: '2026-02-20' });
  });

  it('uses the newest consent that covers every point by the start, else the newest one', () => {
    const complete = { recordedOn: '2026-02-01', points: [...CONSENT_POINT_CODES] };
    const partial = { recordedOn: '2026-02-10', points: ['AVOID_OPIOIDS' as const] };
    const late = { recordedOn: '2026-03-02', points: [...CONSENT_POINT_CODES] };
    expect(consentForStart([partial, complete], '2026-03-01')).toBe(complete);
    expect(consentForStart([late, partial], '2026-03-01')).toBe(late);
    expect(consentForStart([], '2026-03-01')).toBeNull();
    expect(codesOf(aReadyPatient({ consents: [partial] }))).toEqual(['CONSENT_MISSING']);
  });

  it('finds every finding at once: missing lines, no baseline, no attestation', () => {
    expect(codesOf(aReadyPatient({ priorTherapies: [], painScores: [], attestation: null }))).toEqual([
      'ELIGIBILITY_PRIOR_LINES_MISSING',
      'OPIOID_FREE_NOT_ATTESTED',
      'BASELINE_MISSING',
    ]);
  });

  it('passes the overrides and the first dose chosen', () => {
    const overrides: Override[] = [
      { code: 'ELIGIBILITY_PRIOR_LINES_MISSING', reason: 'documented elsewhere by the referrer' },
    ];
    const input = trialStartInputOf(
      aReadyPatient(),
      { ...choice, firstDoseMg: 3, overrides },
      DEFAULT_POLICY,
    );
    expect(input).toMatchObject({ firstDoseMg: 3, overrides });
  });
});

describe('the status input read from a trial history', () => {
  const history: TrialHistory = {
    startDate: '2026-03-01',
    doseChanges: [
      { date: '2026-03-29', doseMg: 4.5 },
      { date: '2026-03-15', doseMg: 3 },
    ],
    maintenanceDoseMg: null,
    maintenanceDeclaredOn: null,
    holds: [],
    assessments: [],
    endedOn: null,
  };

  it('reads dose changes in date order and opens the window 4 weeks after the target (day 56)', () => {
    const input = trialStatusInputOf(history, '2026-04-26');
    expect(input.doseChanges?.map((d) => d.date)).toEqual(['2026-03-15', '2026-03-29']);
    expect(deriveTrialStatus(input).assessmentWindow?.opensOn).toBe('2026-04-26');
  });

  it.each([
    ['2026-04-09', false],
    ['2026-04-10', true],
  ])('counts a maintenance dose declared on 2026-04-10 when read as of %s: %s', (asOf, counted) => {
    const declared = {
      ...history,
      doseChanges: [{ date: '2026-03-15', doseMg: 3 }],
      maintenanceDoseMg: 3,
      maintenanceDeclaredOn: '2026-04-10',
    };
    expect(trialStatusInputOf(declared, asOf).maintenanceDoseMg).toBe(counted ? 3 : undefined);
  });

  it('reads a closed hold and an open one (the trial is on hold while it is open)', () => {
    const held = { ...history, holds: [{ heldOn: '2026-04-01', resumedOn: '2026-04-08' }] };
    expect(trialStatusInputOf(held, '2026-05-10').holds).toEqual([{ from: '2026-04-01', to: '2026-04-08' }]);
    const open = { ...history, holds: [{ heldOn: '2026-04-01', resumedOn: null }] };
    expect(trialStatusInputOf(open, '2026-04-02').holds).toEqual([{ from: '2026-04-01' }]);
    expect(deriveTrialStatus(trialStatusInputOf(open, '2026-04-02')).state).toBe('ON_HOLD');
  });

  it('reads an end date as the discontinuation', () => {
    const ended = { ...history, endedOn: '2026-04-01' };
    expect(deriveTrialStatus(trialStatusInputOf(ended, '2026-04-02')).state).toBe('DISCONTINUED');
  });

  it('reads a trial entered in error as such: nothing is due, whatever its dates say', () => {
    const voided = trialStatusInputOf({ ...history, enteredInError: true }, '2026-05-25');
    expect(voided.enteredInError).toBe(true);
    expect(deriveTrialStatus(voided)).toMatchObject({ enteredInError: true, actions: [] });
    expect(trialStatusInputOf(history, '2026-05-25').enteredInError).toBeUndefined();
  });
});
