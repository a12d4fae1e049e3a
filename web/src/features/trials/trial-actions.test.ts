import { describe, expect, it } from 'vitest';
import { trialActionsFor } from './trial-actions.ts';

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
