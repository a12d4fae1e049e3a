import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './dates.ts';
import { deriveTrialStatus, type TrialStatusInput } from './trial-status.ts';

const startDate = '2026-03-01';
const onSchedule = [
  { date: '2026-03-15', doseMg: 3 },
  { date: '2026-03-29', doseMg: 4.5 },
];
/** A trial started 2026-03-01 that followed the default schedule, seen on `asOf`. */
const aTrialOn = (asOf: string, changes: Partial<TrialStatusInput> = {}): TrialStatusInput => ({
  startDate,
  doseChanges: onSchedule.filter((change) => daysBetween(change.date, asOf) >= 0),
  asOf,
  ...changes,
});
const actionCodes = (input: TrialStatusInput) => deriveTrialStatus(input).actions.map((a) => a.code);

describe('deriveTrialStatus', () => {
  it.each([
    [undefined, false, 'SCREENING'],
    [undefined, true, 'READY'],
    ['2026-03-10', true, 'READY'],
  ])('before a start (%s) with start checks passed %s is %s', (start, readyToStart, state) => {
    const status = deriveTrialStatus({ startDate: start, readyToStart, asOf: '2026-03-01' });
    expect(status).toMatchObject({ state, currentDoseMg: null, nextStep: null, actions: [] });
  });

  it.each([
    ['2026-03-01', 'TITRATING', 1.5, []],
    ['2026-03-14', 'TITRATING', 1.5, []],
    ['2026-03-28', 'TITRATING', 3, []],
    ['2026-03-29', 'AT_TARGET', 4.5, []],
    ['2026-04-25', 'AT_TARGET', 4.5, []],
    ['2026-04-26', 'ASSESSMENT_DUE', 4.5, ['ASSESSMENT_WINDOW_OPEN']],
    ['2026-05-24', 'ASSESSMENT_DUE', 4.5, ['ASSESSMENT_WINDOW_OPEN']],
    ['2026-05-25', 'ASSESSMENT_DUE', 4.5, ['ASSESSMENT_OVERDUE']],
  ])('on %s a trial on schedule is %s at %s mg with actions %j', (asOf, state, dose, actions) => {
    const status = deriveTrialStatus(aTrialOn(asOf));
    expect(status).toMatchObject({ state, currentDoseMg: dose });
    expect(status.actions.map((a) => a.code)).toEqual(actions);
  });

  it('opens the assessment window on day 56 and makes it due on day 84', () => {
    const status = deriveTrialStatus(aTrialOn('2026-04-26'));
    expect(status.assessmentWindow).toEqual({
      opensOn: '2026-04-26',
      dueBy: '2026-05-24',
      open: true,
      overdue: false,
    });
    expect(deriveTrialStatus(aTrialOn('2026-05-25')).assessmentWindow).toMatchObject({
      open: false,
      overdue: true,
    });
  });

  it.each([
    ['2026-03-14', 'none', []],
    ['2026-03-15', 'due', ['DOSE_STEP_DUE']],
    ['2026-03-16', 'overdue', ['DOSE_STEP_OVERDUE']],
  ])('on %s the unrecorded 3.0 mg step is %s', (asOf, _, actions) => {
    const status = deriveTrialStatus({ startDate, asOf });
    expect(status.nextStep).toEqual({ date: '2026-03-15', doseMg: 3, overdue: asOf === '2026-03-16' });
    expect(status.actions.map((a) => a.code)).toEqual(actions);
  });

  it('keeps a trial whose steps were never recorded TITRATING, projecting the rest from today', () => {
    const status = deriveTrialStatus({ startDate, asOf: '2026-04-01' });
    expect(status).toMatchObject({ state: 'TITRATING', currentDoseMg: 1.5 });
    expect(status.timeline).toEqual([
      { from: '2026-03-01', doseMg: 1.5, status: 'CURRENT' },
      { from: '2026-03-15', doseMg: 3, status: 'NEXT' },
      { from: '2026-04-15', doseMg: 4.5, status: 'PROJECTED' },
    ]);
  });

  it('moves the next step and the window later by the days on hold', () => {
    const status = deriveTrialStatus({
      startDate,
      asOf: '2026-04-01',
      holds: [{ from: '2026-03-05', to: '2026-03-12' }],
    });
    expect(status.state).toBe('TITRATING');
    expect(status.nextStep).toEqual({ date: '2026-03-22', doseMg: 3, overdue: true });
  });

  it('puts a trial with an open hold ON_HOLD, with the state it resumes to', () => {
    const status = deriveTrialStatus(aTrialOn('2026-04-30', { holds: [{ from: '2026-04-28' }] }));
    expect(status).toMatchObject({
      state: 'ON_HOLD',
      onHold: { since: '2026-04-28', resumesTo: 'ASSESSMENT_DUE' },
    });
    expect(status.actions.map((a) => a.code)).toEqual(['TRIAL_ON_HOLD']);
  });

  it('is no longer on hold from the day it resumed', () => {
    const input = aTrialOn('2026-04-05', { holds: [{ from: '2026-04-01', to: '2026-04-05' }] });
    expect(deriveTrialStatus(input).state).toBe('AT_TARGET');
    expect(deriveTrialStatus({ ...input, asOf: '2026-04-04' }).state).toBe('ON_HOLD');
  });

  it.each([
    ['CONTINUE', '2026-05-10', 'CONTINUING', []],
    ['DISCONTINUE', '2026-05-10', 'DISCONTINUED', []],
    ['EXTEND', '2026-05-10', 'EXTENDED', ['REASSESSMENT_DUE']],
    ['EXTEND', '2026-05-24', 'ASSESSMENT_DUE', ['ASSESSMENT_WINDOW_OPEN']],
    ['EXTEND', '2026-05-25', 'ASSESSMENT_DUE', ['ASSESSMENT_OVERDUE']],
  ] as const)(
    'after a %s decision on 2026-05-01, on %s the trial is %s',
    (decision, asOf, state, actions) => {
      const input = aTrialOn(asOf, { assessments: [{ assessedOn: '2026-05-01', decision }] });
      expect(deriveTrialStatus(input).state).toBe(state);
      expect(actionCodes(input)).toEqual(actions);
    },
  );

  it('lets a later assessment replace an extension', () => {
    const assessments = [
      { assessedOn: '2026-05-01', decision: 'EXTEND' as const },
      { assessedOn: '2026-05-20', decision: 'CONTINUE' as const },
    ];
    expect(deriveTrialStatus(aTrialOn('2026-06-01', { assessments })).state).toBe('CONTINUING');
    expect(deriveTrialStatus(aTrialOn('2026-05-10', { assessments })).state).toBe('EXTENDED');
  });

  it('is DISCONTINUED from the discontinuation date, and counts days on therapy to it', () => {
    const status = deriveTrialStatus(aTrialOn('2026-04-10', { discontinuedOn: '2026-03-20' }));
    expect(status).toMatchObject({
      state: 'DISCONTINUED',
      discontinuedOn: '2026-03-20',
      daysOnTherapy: 19,
      actions: [],
    });
    expect(deriveTrialStatus(aTrialOn('2026-03-19', { discontinuedOn: '2026-03-20' })).state).toBe(
      'TITRATING',
    );
  });

  it('asks for the step down when the maintenance dose is below the current dose', () => {
    const input = aTrialOn('2026-04-10', { maintenanceDoseMg: 3 });
    expect(deriveTrialStatus(input)).toMatchObject({
      state: 'TITRATING',
      targetReachedOn: null,
      assessmentWindow: null,
    });
    expect(actionCodes(input)).toEqual(['STEP_DOWN_TO_MAINTENANCE']);
    const steppedDown = { ...input, doseChanges: [...onSchedule, { date: '2026-04-05', doseMg: 3 }] };
    expect(deriveTrialStatus(steppedDown)).toMatchObject({
      state: 'AT_TARGET',
      targetReachedOn: '2026-04-05',
    });
  });

  it('ignores events recorded after asOf', () => {
    const status = deriveTrialStatus({
      ...aTrialOn('2026-03-20'),
      doseChanges: onSchedule,
      discontinuedOn: '2026-04-02',
    });
    expect(status).toMatchObject({ state: 'TITRATING', currentDoseMg: 3, discontinuedOn: null });
  });

  it.each([
    ['a discontinuation before the start', { discontinuedOn: '2026-02-01' }],
    ['a hold that ends before it begins', { holds: [{ from: '2026-03-10', to: '2026-03-05' }] }],
  ])('throws INVALID_TRIAL_DATES for %s', (_, changes) => {
    expect(() => deriveTrialStatus(aTrialOn('2026-04-01', changes))).toThrow(
      expect.objectContaining({ code: 'INVALID_TRIAL_DATES' }),
    );
  });

  describe('a trial entered in error', () => {
    // Days on which the same trial, not entered in error, has a step due, a window open, one overdue.
    it.each<[string, string, Partial<TrialStatusInput>]>([
      ['2026-03-15', 'TITRATING', { doseChanges: [] }],
      ['2026-04-26', 'ASSESSMENT_DUE', {}],
      ['2026-05-25', 'ASSESSMENT_DUE', {}],
    ])('on %s (%s) has nothing due and no next step or window', (asOf, state, events) => {
      expect(deriveTrialStatus(aTrialOn(asOf, events)).actions).not.toEqual([]);
      expect(deriveTrialStatus(aTrialOn(asOf, { ...events, enteredInError: true }))).toMatchObject({
        state,
        enteredInError: true,
        actions: [],
        nextStep: null,
        assessmentWindow: null,
        onHold: null,
      });
    });

    it('is not on hold, though its hold is still open', () => {
      const held = aTrialOn('2026-03-20', { holds: [{ from: '2026-03-18' }], enteredInError: true });
      expect(deriveTrialStatus(held)).toMatchObject({ onHold: null, actions: [], enteredInError: true });
    });

    it('keeps its dose history for the struck-through timeline', () => {
      const status = deriveTrialStatus(aTrialOn('2026-04-01', { enteredInError: true }));
      expect(status.timeline).toEqual(deriveTrialStatus(aTrialOn('2026-04-01')).timeline);
    });

    it('is not entered in error unless marked so', () => {
      expect(deriveTrialStatus(aTrialOn('2026-03-15')).enteredInError).toBe(false);
      expect(deriveTrialStatus({ asOf: '2026-03-01' }).enteredInError).toBe(false);
    });
  });

  it('only moves the next step and the window later when holds are added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 20 }),
        (asOfOffset, holdOffset, holdLength) => {
          const asOf = addDays(startDate, asOfOffset);
          const input = aTrialOn(asOf);
          const from = addDays(startDate, holdOffset);
          const held = deriveTrialStatus({ ...input, holds: [{ from, to: addDays(from, holdLength) }] });
          const plain = deriveTrialStatus(input);
          if (plain.nextStep !== null && held.nextStep !== null) {
            expect(daysBetween(plain.nextStep.date, held.nextStep.date)).toBeGreaterThanOrEqual(0);
          }
          if (plain.assessmentWindow !== null && held.assessmentWindow !== null) {
            expect(
              daysBetween(plain.assessmentWindow.opensOn, held.assessmentWindow.opensOn),
            ).toBeGreaterThanOrEqual(0);
            expect(
              daysBetween(plain.assessmentWindow.dueBy, held.assessmentWindow.dueBy),
            ).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
