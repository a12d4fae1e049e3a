import type { TrialRecord } from './api/trial.ts';

/** The entered-in-error fields of a record that counts (dose changes, adverse effects, assessments). */
export const COUNTED = {
  enteredInError: false,
  enteredInErrorAt: null,
  enteredInErrorByName: null,
  enteredInErrorReason: null,
} as const;

/** The same fields of a record a clinician marked entered in error. */
export const ENTERED_IN_ERROR = {
  enteredInError: true,
  enteredInErrorAt: '2026-04-02T10:00:00Z',
  enteredInErrorByName: 'Dr. Priya Raman',
  enteredInErrorReason: 'Recorded on the wrong trial',
} as const;

/**
 * A trial as the trial query returns it, for component tests: started 2026-03-01 at 1.5 mg with
 * the default steps recorded (3.0 mg from 03-15, 4.5 mg from 03-29), window 04-26 – 05-24, baseline 7.
 */
export function aTrialStartedOn20260301(overrides: Partial<TrialRecord> = {}): TrialRecord {
  return {
    __typename: 'Trial',
    id: 'trial-1',
    asOf: '2026-04-01',
    condition: 'FIBROMYALGIA',
    state: 'AT_TARGET',
    startDate: '2026-03-01',
    startDoseMg: 1.5,
    endedOn: null,
    prescriber: 'Dr. Priya Raman',
    maintenanceDoseMg: null,
    maintenanceDeclaredOn: null,
    discontinuationReason: null,
    discontinuationNote: null,
    version: 3,
    enteredInError: false,
    enteredInErrorAt: null,
    enteredInErrorByName: null,
    enteredInErrorReason: null,
    patient: {
      id: 'patient-1',
      givenName: 'Ann',
      familyName: 'Lee',
      mrn: 'MRN-1',
      dateOfBirth: '1970-01-02',
    },
    baseline: { date: '2026-03-01', score: 7 },
    policy: {
      name: 'Default (clinical-rules.md)',
      overrideReasonMinimumWords: 3,
      responseThresholdsPercent: { substantial: 50, meaningful: 30, minimal: 10 },
    },
    status: {
      state: 'AT_TARGET',
      currentDoseMg: 4.5,
      targetDoseMg: 4.5,
      targetReachedOn: '2026-03-29',
      daysOnTherapy: 31,
      discontinuedOn: null,
      enteredInError: false,
      nextStep: null,
      assessmentWindow: { opensOn: '2026-04-26', dueBy: '2026-05-24', open: false, overdue: false },
      onHold: null,
      timeline: [],
      actions: [],
    },
    doseChanges: [
      { id: 'dose-1', changedOn: '2026-03-15', doseMg: 3, note: null, ...COUNTED },
      { id: 'dose-2', changedOn: '2026-03-29', doseMg: 4.5, note: null, ...COUNTED },
    ],
    holds: [],
    overrides: [],
    warnings: [],
    adverseEffects: [],
    assessments: [],
    orders: [],
    painScores: [],
    patientLink: null,
    adherence: null,
    ...overrides,
  } as TrialRecord;
}
