import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { mockApi } from '../../../test/api-mock.ts';
import type { TrialRecord } from '../api/trial.ts';
import { aTrialStartedOn20260301 } from '../trial-record.builder.ts';
import { DoseChangeForm } from './DoseForms.tsx';

/** Titrating at 1.5 mg since 2026-03-01: the step to 3.0 mg is due on 03-15. */
const titrating = (): TrialRecord =>
  aTrialStartedOn20260301({
    doseChanges: [],
    status: {
      ...aTrialStartedOn20260301().status,
      state: 'TITRATING',
      currentDoseMg: 1.5,
      nextStep: { date: '2026-03-15', doseMg: 3, overdue: false },
    },
  });

function renderForm(trial: TrialRecord) {
  const onSaved = vi.fn();
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <Provider value={client}>
      <DoseChangeForm trial={trial} onSaved={onSaved} onRefused={() => {}} />
    </Provider>,
  );
  fireEvent.click(screen.getByText('Change the dose'));
  return { onSaved };
}

const saveButton = () => screen.getByRole('button', { name: 'Save the dose change' });

describe('the dose change form', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T12:00:00'));
  });
  afterEach(() => vi.useRealTimers());

  it('refuses a dose above 4.5 mg with the explanation, and no override', () => {
    vi.setSystemTime(new Date('2026-04-20T12:00:00'));
    renderForm(aTrialStartedOn20260301());
    fireEvent.change(screen.getByLabelText('New nightly dose (mg)'), { target: { value: '5.0' } });
    const check = screen.getByRole('list', { name: 'Dose check' });
    expect(within(check).getByText('DOSE_ABOVE_MAXIMUM')).toBeTruthy();
    expect(check.textContent).toContain('The nightly dose is above the 4.5 mg LDN maximum.');
    expect(within(check).queryByRole('textbox')).toBeNull();
    expect(saveButton()).toHaveProperty('disabled', true);
  });

  it('asks a reason for a step sooner than 14 days and sends it with the version read', async () => {
    const api = mockApi({
      ChangeDose: {
        data: { changeDose: { __typename: 'Trial', id: 'trial-1', state: 'TITRATING', version: 4 } },
      },
    });
    const { onSaved } = renderForm(titrating());
    fireEvent.change(screen.getByLabelText('First night of the new dose'), {
      target: { value: '2026-03-10' },
    });
    expect(screen.getByText('TITRATION_TOO_FAST')).toBeTruthy();
    expect(saveButton()).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText(/Reason to override titration too fast/), {
      target: { value: 'Tolerating well, travelling soon' },
    });
    fireEvent.click(saveButton());
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.callsOf('ChangeDose')[0]?.variables).toEqual({
      trialId: 'trial-1',
      input: {
        changedOn: '2026-03-10',
        doseMg: 3,
        note: null,
        overrides: [{ code: 'TITRATION_TOO_FAST', reason: 'Tolerating well, travelling soon' }],
        expectedVersion: 3,
      },
    });
  });

  it('offers the scheduled step on its date with nothing against it', () => {
    renderForm(titrating());
    expect(screen.getByLabelText('New nightly dose (mg)')).toHaveProperty('value', '3');
    expect(screen.getByLabelText('First night of the new dose')).toHaveProperty('value', '2026-03-15');
    expect(screen.queryByRole('list', { name: 'Dose check' })).toBeNull();
    expect(saveButton()).toHaveProperty('disabled', false);
  });
});
