import { describe, expect, it } from 'vitest';
import { markConsequence, mayMarkTrialRecords, recordName } from './trial-record-corrections.ts';

describe('marking a trial’s records entered in error on its page', () => {
  it.each([
    ['CLINICIAN', false, true],
    ['CLINICIAN', true, false],
    ['COORDINATOR', false, false],
    [null, false, false],
  ] as const)('is offered to %s (trial entered in error: %s): %s', (role, enteredInError, offered) => {
    expect(mayMarkTrialRecords({ enteredInError }, role)).toBe(offered);
  });

  it('names each kind of record as the buttons say it', () => {
    expect(recordName.DoseChange({ doseMg: 3, changedOn: '2026-03-15' })).toBe(
      'the dose change to 3.0 mg of 15 Mar 2026',
    );
    expect(recordName.AdverseEffect({ onsetOn: '2026-03-20' }, 'Vivid dreams')).toBe(
      'the adverse effect vivid dreams of 20 Mar 2026',
    );
    expect(recordName.Assessment({ assessedOn: '2026-05-01' })).toBe('the assessment of 1 May 2026');
  });

  const discontinue = { assessedOn: '2026-05-01', decision: 'DISCONTINUE', enteredInError: false };
  it.each([
    ['the DISCONTINUE that ended the trial', { endedOn: '2026-05-01' }, discontinue, /reopens/],
    ['a DISCONTINUE of another day', { endedOn: '2026-05-02' }, discontinue, null],
    ['a CONTINUE', { endedOn: null }, { ...discontinue, decision: 'CONTINUE' }, null],
    [
      'one already entered in error',
      { endedOn: '2026-05-01' },
      { ...discontinue, enteredInError: true },
      null,
    ],
  ] as const)('tells what voiding %s does beyond the counts', (_, trial, assessment, consequence) => {
    const said = markConsequence(trial, 'Assessment', assessment);
    if (consequence === null) expect(said).toBeNull();
    else expect(said).toMatch(consequence);
  });

  it('says a dose change’s removal re-derives the dose, and nothing more for an adverse effect', () => {
    const trial = { endedOn: null };
    expect(markConsequence(trial, 'DoseChange', { enteredInError: false })).toMatch(/worked out again/);
    expect(markConsequence(trial, 'AdverseEffect', { enteredInError: false })).toBeNull();
  });
});
