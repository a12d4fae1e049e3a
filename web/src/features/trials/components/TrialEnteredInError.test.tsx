import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type Answer, mockApi } from '../../../test/api-mock.ts';
import { me, renderSignedIn } from '../../../test/signed-in.tsx';
import type { TrialRecord } from '../api/trial.ts';
import { aTrialStartedOn20260301 } from '../trial-record.builder.ts';
import { TrialPage } from './TrialPage.tsx';

/** An order of the trial in `state`, as the trial query returns it. */
const anOrder = (state: string, stateBeforeHold: string | null = null) => ({
  __typename: 'ClinicOrder',
  id: `order-${state}`,
  state,
  stateBeforeHold,
  kind: 'TITRATION_PACK',
  formulation: 'CAPSULE',
  pharmacyName: 'Pharmacy P',
  submittedAt: '2026-03-02T10:00:00Z',
  dispensedOn: state === 'DISPENSED' ? '2026-03-04' : null,
  rejectionReason: null,
  totalDaysSupply: 58,
  lines: [],
});

const trialAnswer = (trial: TrialRecord): Answer => ({ data: { trial } });

const voided = (): TrialRecord =>
  aTrialStartedOn20260301({
    enteredInError: true,
    enteredInErrorAt: '2026-03-15T09:00:00Z',
    enteredInErrorByName: 'Dr Priya Raman',
    enteredInErrorReason: 'Started for the wrong patient',
    status: { ...aTrialStartedOn20260301().status, enteredInError: true, actions: [] },
  });

/** The API's refusal once an order reached the pharmacy's bench (its finding in the extensions). */
const HAS_SUPPLY = {
  errors: [
    {
      message: 'The patient may have received LDN from this trial.',
      extensions: {
        code: 'RULE_VIOLATION',
        findings: [
          {
            code: 'TRIAL_HAS_SUPPLY',
            severity: 'HARD_STOP',
            message: 'One order has reached the pharmacy’s bench: discontinue the trial instead.',
            evidence: [],
          },
        ],
      },
    },
  ],
};

const renderTrialPage = () => renderSignedIn(<TrialPage trialId="trial-1" />);
const markForm = () => screen.queryByRole('form', { name: 'Mark the trial entered in error' });

describe('a trial entered in error on its page', () => {
  it('shows who marked it, when and why, labels it so instead of its state, and offers no action', async () => {
    mockApi({ Me: me('CLINICIAN'), Trial: trialAnswer(voided()) });
    renderTrialPage();
    const notice = await screen.findByRole('note', { name: 'Entered in error' });
    expect(notice.textContent).toContain('Dr Priya Raman');
    expect(notice.textContent).toContain('Started for the wrong patient');
    expect(notice.textContent).toMatch(/counts nowhere/);
    const status = within(screen.getByRole('region', { name: 'Status' }));
    expect(status.getByText('Entered in error')).toBeTruthy();
    expect(status.queryByText('At target')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Actions' })).toBeNull();
    expect(notice.closest('.trial-entered-in-error')).not.toBeNull();
  });

  it('offers a clinician "Entered in error…" with a required reason, and sends it with the version read', async () => {
    const api = mockApi({
      Me: me('CLINICIAN'),
      Trial: trialAnswer(aTrialStartedOn20260301({ orders: [anOrder('SUBMITTED')] } as Partial<TrialRecord>)),
      MarkTrialEnteredInError: {
        data: {
          markTrialEnteredInError: { __typename: 'Trial', id: 'trial-1', version: 4, enteredInError: true },
        },
      },
    });
    renderTrialPage();
    fireEvent.click(await screen.findByText('Entered in error…', { selector: 'summary' }));
    const form = within(markForm()!);
    expect(
      form.getByText(/leaves the worklists and every figure, and its open orders are cancelled/),
    ).toBeTruthy();
    const submit = form.getByRole('button', { name: 'Mark entered in error' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(form.getByLabelText('Why was it entered in error?'), {
      target: { value: '  Started for the wrong patient ' },
    });
    fireEvent.click(submit);
    await vi.waitFor(() => expect(api.callsOf('MarkTrialEnteredInError')).toHaveLength(1));
    expect(api.callsOf('MarkTrialEnteredInError')[0]?.variables).toEqual({
      trialId: 'trial-1',
      version: 3,
      reason: 'Started for the wrong patient',
    });
    expect(await screen.findByText('Trial marked entered in error.')).toBeTruthy();
  });

  it('shows the refusal with its finding when an order reached the pharmacy meanwhile', async () => {
    mockApi({
      Me: me('CLINICIAN'),
      Trial: trialAnswer(aTrialStartedOn20260301()),
      MarkTrialEnteredInError: HAS_SUPPLY,
    });
    renderTrialPage();
    fireEvent.click(await screen.findByText('Entered in error…', { selector: 'summary' }));
    const form = within(markForm()!);
    fireEvent.change(form.getByLabelText('Why was it entered in error?'), {
      target: { value: 'Wrong patient' },
    });
    fireEvent.click(form.getByRole('button', { name: 'Mark entered in error' }));
    expect((await form.findByRole('alert')).textContent).toContain('discontinue the trial instead');
  });

  it.each([
    ['dispensed', anOrder('DISPENSED')],
    ['held while compounding', anOrder('ON_HOLD', 'COMPOUNDING')],
  ])('is not offered once an order is %s: the page says to discontinue instead', async (_, order) => {
    mockApi({
      Me: me('CLINICIAN'),
      Trial: trialAnswer(aTrialStartedOn20260301({ orders: [order] } as Partial<TrialRecord>)),
    });
    renderTrialPage();
    const actions = within(await screen.findByRole('region', { name: 'Actions' }));
    expect(actions.queryByText('Entered in error…')).toBeNull();
    expect(
      actions.getByText(/cannot be marked entered in error\. If the trial should not go on, discontinue it/),
    ).toBeTruthy();
  });

  it('is not offered to a coordinator', async () => {
    mockApi({ Me: me('COORDINATOR'), Trial: trialAnswer(aTrialStartedOn20260301()) });
    renderTrialPage();
    await screen.findByRole('region', { name: 'Actions' });
    expect(screen.queryByText('Entered in error…')).toBeNull();
  });
});
