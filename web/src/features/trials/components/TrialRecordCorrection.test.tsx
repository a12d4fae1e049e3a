import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type Answer, apiError, mockApi } from '../../../test/api-mock.ts';
import { me, renderSignedIn } from '../../../test/signed-in.tsx';
import type { TrialRecord } from '../api/trial.ts';
import { aTrialStartedOn20260301, COUNTED, ENTERED_IN_ERROR } from '../trial-record.builder.ts';
import { TrialPage } from './TrialPage.tsx';

// workflows.md, corrections: on the trial page each dose change, adverse effect and assessment
// offers a clinician "Entered in error…"; those entered in error are shown struck through.

const anAdverseEffect = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'AdverseEffect',
  id: 'effect-1',
  kind: 'NAUSEA',
  description: null,
  onsetOn: '2026-03-20',
  severity: 'MILD',
  action: 'NONE',
  source: 'CLINIC',
  reviewedAt: null,
  ...COUNTED,
  ...overrides,
});

const anAssessment = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Assessment',
  id: 'assessment-1',
  assessedOn: '2026-05-01',
  assessedBy: 'Dr. Priya Raman',
  baselineScore: 7,
  meanScore: 4,
  relativeReduction: 0.43,
  responseClass: 'MEANINGFUL',
  decision: 'CONTINUE',
  discontinuationReason: null,
  note: null,
  ...COUNTED,
  ...overrides,
});

/** The trial at target with a nausea and a CONTINUE assessment, as of 2026-05-02. */
const aTrialWithRecords = (overrides: Partial<TrialRecord> = {}): TrialRecord =>
  aTrialStartedOn20260301({
    asOf: '2026-05-02',
    adverseEffects: [anAdverseEffect()],
    assessments: [anAssessment()],
    ...overrides,
  } as Partial<TrialRecord>);

/** The trial ended by a DISCONTINUE assessment on 05-01. */
const endedByAssessment = (): TrialRecord => {
  const trial = aTrialWithRecords({
    assessments: [anAssessment({ decision: 'DISCONTINUE', discontinuationReason: 'INEFFECTIVE' })],
  } as Partial<TrialRecord>);
  return {
    ...trial,
    state: 'DISCONTINUED',
    endedOn: '2026-05-01',
    discontinuationReason: 'INEFFECTIVE',
    status: { ...trial.status, state: 'DISCONTINUED', discontinuedOn: '2026-05-01' },
  };
};

const renderTrialPage = (role: string, trial: TrialRecord, more: Record<string, Answer> = {}) => {
  const api = mockApi({ Me: me(role), Trial: { data: { trial } }, ...more });
  renderSignedIn(<TrialPage trialId="trial-1" />);
  return api;
};

const markButton = (what: string) => screen.findByRole('button', { name: `Mark ${what} entered in error` });
const markForm = (what: string) =>
  within(screen.getByRole('form', { name: `Mark ${what} entered in error` }));
const DOSE = 'the dose change to 4.5 mg of 29 Mar 2026';

describe('marking a trial’s records entered in error on its page', () => {
  it('offers a clinician each dose change, adverse effect and assessment, and sends the reason with the trial’s version', async () => {
    const api = renderTrialPage('CLINICIAN', aTrialWithRecords(), {
      MarkDoseChangeEnteredInError: {
        data: { markDoseChangeEnteredInError: { __typename: 'Trial', id: 'trial-1', version: 4 } },
      },
    });
    await markButton('the dose change to 3.0 mg of 15 Mar 2026');
    await markButton('the adverse effect nausea of 20 Mar 2026');
    await markButton('the assessment of 1 May 2026');
    fireEvent.click(await markButton(DOSE));
    const form = markForm(DOSE);
    expect(form.getByText(/worked out again from the other dose changes/)).toBeTruthy();
    const submit = form.getByRole('button', { name: 'Mark entered in error' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(form.getByLabelText('Why was it entered in error?'), {
      target: { value: '  Recorded on the wrong trial ' },
    });
    fireEvent.click(submit);
    await vi.waitFor(() => expect(api.callsOf('MarkDoseChangeEnteredInError')).toHaveLength(1));
    expect(api.callsOf('MarkDoseChangeEnteredInError')[0]?.variables).toEqual({
      id: 'dose-2',
      trialVersion: 3,
      reason: 'Recorded on the wrong trial',
    });
    expect(await screen.findByText(`${DOSE} marked entered in error.`)).toBeTruthy();
  });

  it('shows a record entered in error struck through with who, when and why, and offers nothing on it', async () => {
    renderTrialPage(
      'CLINICIAN',
      aTrialWithRecords({ adverseEffects: [anAdverseEffect(ENTERED_IN_ERROR)] } as Partial<TrialRecord>),
    );
    const effects = within(await screen.findByRole('region', { name: 'Adverse effects' }));
    const line = effects.getByRole('listitem');
    expect(line.className).toBe('row-entered-in-error');
    expect(line.textContent).toContain('Entered in error by Dr. Priya Raman');
    expect(line.textContent).toContain('Recorded on the wrong trial');
    expect(effects.queryByRole('button', { name: /entered in error/ })).toBeNull();
    await markButton('the assessment of 1 May 2026');
  });

  it('says that voiding the assessment that ended the trial reopens it, and cancelled orders stay so', async () => {
    renderTrialPage('CLINICIAN', endedByAssessment());
    fireEvent.click(await markButton('the assessment of 1 May 2026'));
    const consequence = markForm('the assessment of 1 May 2026').getByText(/ended the trial/);
    expect(consequence.textContent).toBe(
      'This assessment ended the trial on 1 May 2026: the trial reopens, in the state its other records give. Orders cancelled since then stay cancelled.',
    );
  });

  it('says nothing of reopening for an assessment that did not end the trial', async () => {
    renderTrialPage('CLINICIAN', aTrialWithRecords());
    fireEvent.click(await markButton('the assessment of 1 May 2026'));
    expect(markForm('the assessment of 1 May 2026').queryByText(/reopens/)).toBeNull();
  });

  it('keeps the form open with the API’s words when the trial changed meanwhile (CONFLICT)', async () => {
    renderTrialPage('CLINICIAN', aTrialWithRecords(), {
      MarkAdverseEffectEnteredInError: apiError('CONFLICT'),
    });
    const what = 'the adverse effect nausea of 20 Mar 2026';
    fireEvent.click(await markButton(what));
    fireEvent.change(markForm(what).getByLabelText('Why was it entered in error?'), {
      target: { value: 'Duplicate' },
    });
    fireEvent.click(markForm(what).getByRole('button', { name: 'Mark entered in error' }));
    expect((await markForm(what).findByRole('alert')).textContent).toContain(
      'Someone else changed this trial',
    );
  });

  it('offers a coordinator no mark, but shows the marks made', async () => {
    renderTrialPage(
      'COORDINATOR',
      aTrialWithRecords({ assessments: [anAssessment(ENTERED_IN_ERROR)] } as Partial<TrialRecord>),
    );
    const assessments = within(await screen.findByRole('region', { name: 'Assessments' }));
    expect(assessments.getByRole('listitem').textContent).toContain('Recorded on the wrong trial');
    expect(screen.queryByRole('button', { name: /^Mark .* entered in error$/ })).toBeNull();
  });
});
