import { describe, expect, it } from 'vitest';
import {
  blocksAnotherStart,
  checkTrialEnteredInError,
  isTrialActive,
  orderReachedTheBench,
} from './trial-entered-in-error.ts';
import { TRIAL_STATES } from './vocabulary.ts';

describe('marking a trial entered in error', () => {
  it.each([
    ['DRAFT', null, false],
    ['SUBMITTED', null, false],
    ['RECEIVED', null, false],
    ['REJECTED', null, false],
    ['CANCELLED', null, false],
    ['COMPOUNDING', null, true],
    ['READY', null, true],
    ['DISPENSED', null, true],
    ['ON_HOLD', 'SUBMITTED', false],
    ['ON_HOLD', 'RECEIVED', false],
    ['ON_HOLD', 'COMPOUNDING', true],
    ['ON_HOLD', 'READY', true],
  ])('reads an order %s (held from %s) as at the bench: %s', (state, stateBeforeHold, atBench) => {
    expect(orderReachedTheBench({ state, stateBeforeHold })).toBe(atBench);
  });

  it('allows it for a trial with no order, or only orders the pharmacy has not started', () => {
    expect(checkTrialEnteredInError([])).toEqual([]);
    expect(
      checkTrialEnteredInError([
        { state: 'DRAFT' },
        { state: 'SUBMITTED' },
        { state: 'ON_HOLD', stateBeforeHold: 'RECEIVED' },
        { state: 'REJECTED' },
        { state: 'CANCELLED' },
      ]),
    ).toEqual([]);
  });

  it('refuses it (TRIAL_HAS_SUPPLY, a hard stop) once an order reached the bench, and says to discontinue', () => {
    const findings = checkTrialEnteredInError([{ state: 'SUBMITTED' }, { state: 'DISPENSED' }]);
    expect(findings).toEqual([expect.objectContaining({ code: 'TRIAL_HAS_SUPPLY', severity: 'HARD_STOP' })]);
    expect(findings[0]?.message).toMatch(/One order has reached the pharmacy's bench: discontinue/);
  });

  it('counts the orders that reached the bench', () => {
    const [refusal] = checkTrialEnteredInError([{ state: 'READY' }, { state: 'DISPENSED' }]);
    expect(refusal?.message).toMatch(/2 orders have reached/);
  });
});

describe('a trial entered in error counts nowhere', () => {
  it.each(TRIAL_STATES)('is not active, whatever its recorded state (%s)', (state) => {
    expect(isTrialActive({ state, enteredInError: true })).toBe(false);
  });

  it.each([
    ['TITRATING', true],
    ['ON_HOLD', true],
    ['CONTINUING', true],
    ['READY', false],
    ['DISCONTINUED', false],
  ] as const)('a %s trial not entered in error is active: %s', (state, active) => {
    expect(isTrialActive({ state, enteredInError: false })).toBe(active);
  });

  it.each([
    ['TITRATING', null, false, true],
    ['ON_HOLD', null, false, true],
    ['TITRATING', null, true, false],
    ['DISCONTINUED', '2026-03-10', false, false],
    ['TITRATING', '2026-03-10', false, false],
  ] as const)(
    'a %s trial ended on %s, entered in error %s, blocks another start: %s',
    (state, endedOn, enteredInError, blocks) => {
      expect(blocksAnotherStart({ state, endedOn, enteredInError })).toBe(blocks);
    },
  );
});
