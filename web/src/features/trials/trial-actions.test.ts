import { describe, expect, it } from 'vitest';
import { enteredInErrorOffer, trialActionsFor } from './trial-actions.ts';

describe('the actions a trial page offers', () => {
  it.each([
    [
      'TITRATING',
      'CLINICIAN',
      [
        'CHANGE_DOSE',
        'DECLARE_MAINTENANCE_DOSE',
        'HOLD',
        'RECORD_ADVERSE_EFFECT',
        'ASSESS_RESPONSE',
        'DISCONTINUE',
      ],
    ],
    [
      'ASSESSMENT_DUE',
      'CLINICIAN',
      [
        'CHANGE_DOSE',
        'DECLARE_MAINTENANCE_DOSE',
        'HOLD',
        'RECORD_ADVERSE_EFFECT',
        'ASSESS_RESPONSE',
        'DISCONTINUE',
      ],
    ],
    [
      'CONTINUING',
      'CLINICIAN',
      ['CHANGE_DOSE', 'DECLARE_MAINTENANCE_DOSE', 'HOLD', 'RECORD_ADVERSE_EFFECT', 'DISCONTINUE'],
    ],
    ['ON_HOLD', 'CLINICIAN', ['RESUME', 'RECORD_ADVERSE_EFFECT', 'DISCONTINUE']],
    ['READY', 'CLINICIAN', ['DISCONTINUE']],
    ['DISCONTINUED', 'CLINICIAN', []],
    ['TITRATING', 'COORDINATOR', ['HOLD', 'RECORD_ADVERSE_EFFECT']],
    ['ON_HOLD', 'COORDINATOR', ['RESUME', 'RECORD_ADVERSE_EFFECT']],
    ['DISCONTINUED', 'COORDINATOR', []],
    ['TITRATING', 'PHARMACIST', []],
  ] as const)('offers a trial %s to a %s: %j', (state, role, expected) => {
    expect(trialActionsFor(state, role)).toEqual(expected);
  });
});

describe('"Entered in error…" on a trial page', () => {
  const noOrders = { enteredInError: false, orders: [] };
  it.each([
    ['a clinician, no order', 'OFFERED', 'CLINICIAN', noOrders],
    [
      'a clinician, orders not yet at the bench',
      'OFFERED',
      'CLINICIAN',
      { ...noOrders, orders: [{ state: 'SUBMITTED' }, { state: 'ON_HOLD', stateBeforeHold: 'RECEIVED' }] },
    ],
    [
      'a clinician, an order dispensed',
      'HAS_SUPPLY',
      'CLINICIAN',
      { ...noOrders, orders: [{ state: 'DISPENSED' }] },
    ],
    [
      'a clinician, an order held while compounding',
      'HAS_SUPPLY',
      'CLINICIAN',
      { ...noOrders, orders: [{ state: 'ON_HOLD', stateBeforeHold: 'COMPOUNDING' }] },
    ],
    ['a clinician, already entered in error', null, 'CLINICIAN', { ...noOrders, enteredInError: true }],
    ['a coordinator', null, 'COORDINATOR', noOrders],
  ] as const)('for %s: %s', (_case, offer, role, trial) => {
    expect(enteredInErrorOffer(trial, role)).toBe(offer);
  });
});
