import { describe, expect, it } from 'vitest';
import {
  assessmentEndedTrial,
  countedRecords,
  dosesInOrder,
  type TrialHistory,
  trialStatusInputOf,
} from './trial-records.ts';
import { deriveTrialStatus } from './trial-status.ts';
import type { AssessmentDecision } from './vocabulary.ts';

// workflows.md, corrections: a dose change or an assessment entered in error stays on the record
// but counts nowhere; the trial is what its other records derive.

/** Started 03-01: 3.0 mg from 03-15, 4.5 mg from 03-29 (target), window 04-26 … 05-24. */
const history: TrialHistory = {
  startDate: '2026-03-01',
  doseChanges: [
    { date: '2026-03-15', doseMg: 3 },
    { date: '2026-03-29', doseMg: 4.5 },
  ],
  maintenanceDoseMg: null,
  maintenanceDeclaredOn: null,
  holds: [],
  assessments: [],
  endedOn: null,
};

const statusOf = (trial: TrialHistory, asOf: string) => deriveTrialStatus(trialStatusInputOf(trial, asOf));

describe('records entered in error count nowhere', () => {
  it('keeps the records not marked, in the order given, and drops the marked ones', () => {
    const records = [
      { id: 'a' },
      { id: 'b', enteredInError: true },
      { id: 'c', enteredInError: false },
      { id: 'd' },
    ];
    expect(countedRecords(records).map((r) => r.id)).toEqual(['a', 'c', 'd']);
    expect(countedRecords([])).toEqual([]);
  });

  it('reads the dose changes that count in date order, as plain dated doses', () => {
    const doses = [
      { date: '2026-03-29', doseMg: 4.5, enteredInError: false },
      { date: '2026-03-20', doseMg: 4.5, enteredInError: true },
      { date: '2026-03-15', doseMg: 3 },
    ];
    expect(dosesInOrder(doses)).toEqual([
      { date: '2026-03-15', doseMg: 3 },
      { date: '2026-03-29', doseMg: 4.5 },
    ]);
  });
});

describe('a trial after a dose change is entered in error', () => {
  const voiding = (index: number): TrialHistory => ({
    ...history,
    doseChanges: history.doseChanges.map((dose, at) =>
      at === index ? { ...dose, enteredInError: true } : dose,
    ),
  });

  it('takes the dose before the latest change as the current dose, and steps up again from it', () => {
    expect(statusOf(history, '2026-04-01')).toMatchObject({ state: 'AT_TARGET', currentDoseMg: 4.5 });
    const status = statusOf(voiding(1), '2026-04-01');
    expect(status).toMatchObject({
      state: 'TITRATING',
      currentDoseMg: 3,
      nextStep: { date: '2026-03-29', doseMg: 4.5, overdue: true },
    });
    expect(status.actions.map((a) => a.code)).toEqual(['DOSE_STEP_OVERDUE']);
  });

  it('keeps the later changes when an earlier one is voided (the target still began on 03-29)', () => {
    const status = statusOf(voiding(0), '2026-04-01');
    expect(status).toMatchObject({ currentDoseMg: 4.5, targetReachedOn: '2026-03-29' });
    expect(status.timeline.map((step) => [step.from, step.doseMg])).toEqual([
      ['2026-03-01', 1.5],
      ['2026-03-29', 4.5],
    ]);
  });

  it('falls back to the start dose when every change is voided', () => {
    const none = {
      ...history,
      doseChanges: history.doseChanges.map((d) => ({ ...d, enteredInError: true })),
    };
    expect(statusOf(none, '2026-03-10')).toMatchObject({
      currentDoseMg: 1.5,
      nextStep: { date: '2026-03-15', doseMg: 3 },
    });
  });

  it('opens no assessment window once the step to the target is voided: the target is only projected', () => {
    const counted = statusOf(history, '2026-04-26');
    expect(counted).toMatchObject({ state: 'ASSESSMENT_DUE', assessmentWindow: { open: true } });
    const voided = statusOf(voiding(1), '2026-04-26');
    expect(voided).toMatchObject({ state: 'TITRATING', assessmentWindow: { open: false } });
    expect(voided.actions.map((a) => a.code)).toEqual(['DOSE_STEP_OVERDUE']);
  });
});

describe('a trial after an assessment is entered in error', () => {
  const assessed = (decision: AssessmentDecision, enteredInError: boolean): TrialHistory => ({
    ...history,
    assessments: [{ assessedOn: '2026-05-01', decision, enteredInError }],
  });

  it.each([
    ['CONTINUE', 'CONTINUING'],
    ['EXTEND', 'EXTENDED'],
  ] as const)('leaves %s (%s) for the state the window gives: ASSESSMENT_DUE', (decision, counted) => {
    expect(statusOf(assessed(decision, false), '2026-05-02').state).toBe(counted);
    const voided = statusOf(assessed(decision, true), '2026-05-02');
    expect(voided.state).toBe('ASSESSMENT_DUE');
    expect(voided.actions.map((a) => a.code)).toEqual(['ASSESSMENT_WINDOW_OPEN']);
  });

  it('reopens a trial it discontinued once the end it set is cleared', () => {
    const ended = { ...assessed('DISCONTINUE', false), endedOn: '2026-05-01' };
    expect(statusOf(ended, '2026-05-02').state).toBe('DISCONTINUED');
    const reopened = { ...assessed('DISCONTINUE', true), endedOn: null };
    expect(statusOf(reopened, '2026-05-02')).toMatchObject({ state: 'ASSESSMENT_DUE', discontinuedOn: null });
  });

  it('uses the latest assessment that counts: an earlier CONTINUE stands when a later EXTEND is voided', () => {
    const trial: TrialHistory = {
      ...history,
      assessments: [
        { assessedOn: '2026-04-28', decision: 'CONTINUE' },
        { assessedOn: '2026-05-01', decision: 'EXTEND', enteredInError: true },
      ],
    };
    expect(statusOf(trial, '2026-05-02').state).toBe('CONTINUING');
  });
});

describe('whether an assessment ended its trial', () => {
  const discontinue = { assessedOn: '2026-05-01', decision: 'DISCONTINUE' as const };
  it.each([
    ['a DISCONTINUE on the day the trial ended', { endedOn: '2026-05-01' }, discontinue, true],
    ['a DISCONTINUE the day before the end', { endedOn: '2026-05-02' }, discontinue, false],
    ['a DISCONTINUE the day after the end', { endedOn: '2026-04-30' }, discontinue, false],
    [
      'a CONTINUE on the day the trial ended',
      { endedOn: '2026-05-01' },
      { ...discontinue, decision: 'CONTINUE' as const },
      false,
    ],
    ['a DISCONTINUE of a trial not ended', { endedOn: null }, discontinue, false],
    [
      'a DISCONTINUE already entered in error',
      { endedOn: '2026-05-01' },
      { ...discontinue, enteredInError: true },
      false,
    ],
  ])('%s: %s', (_, trial, assessment, ended) => {
    expect(assessmentEndedTrial(trial, assessment)).toBe(ended);
  });
});
