import { CONSENT_POINT_CODES } from '@ldn/rules';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { mockApi } from '../../../test/api-mock.ts';
import { StartTrialPage } from './StartTrialPage.tsx';

/** A patient with consent, attestation and a baseline, whose prior lines do not cover CRPS. */
function aPatientMissingPriorLines(medications: Array<{ drug: string; isOpioid: boolean }> = []) {
  return {
    __typename: 'Patient',
    id: 'patient-1',
    givenName: 'Ann',
    familyName: 'Lee',
    dateOfBirth: '1970-01-02',
    mrn: 'MRN-1',
    priorTherapies: [
      {
        __typename: 'PriorTherapy',
        id: 'pt-1',
        drug: 'nortriptyline',
        classes: ['TCA'],
        outcome: 'INEFFECTIVE',
      },
    ],
    medications: medications.map((medication, index) => ({
      __typename: 'Medication',
      id: `med-${index}`,
      stoppedOn: null,
      ...medication,
    })),
    consents: [
      {
        __typename: 'Consent',
        id: 'consent-1',
        recordedOn: '2026-02-20',
        points: CONSENT_POINT_CODES.map((code) => ({ __typename: 'ConsentPointStatement', code })),
      },
    ],
    opioidFreeAttestations: [
      {
        __typename: 'OpioidFreeAttestation',
        id: 'att-1',
        attestedOn: '2026-02-25',
        lastOpioidDrug: null,
        lastOpioidDoseOn: null,
      },
    ],
    painScores: [
      { __typename: 'SymptomScore', id: 'score-1', scoredOn: '2026-02-27', score: 7, enteredInError: false },
    ],
    trials: [],
  };
}

const POLICY = {
  __typename: 'TrialStartCheck',
  policy: {
    __typename: 'ClinicPolicy',
    name: 'Default (clinical-rules.md)',
    opioidWashoutDays: { __typename: 'OpioidWashoutDays', standard: 7, methadone: 14, buprenorphine: 14 },
    responseThresholdsPercent: {
      __typename: 'ResponseThresholdsPercent',
      substantial: 50,
      meaningful: 30,
      minimal: 10,
    },
    overrideReasonMinimumWords: 3,
  },
};

const context = (patient: ReturnType<typeof aPatientMissingPriorLines>) => ({
  data: { patient, clinicPolicy: POLICY },
});

function renderStartPage(query = '?condition=CRPS') {
  window.history.replaceState(null, '', `/patients/patient-1/start-trial${query}`);
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <RouterProvider>
      <Provider value={client}>
        <StartTrialPage patientId="patient-1" />
      </Provider>
    </RouterProvider>,
  );
}

const startButton = () => screen.getByRole('button', { name: 'Review and start' });

describe('the start-trial page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T12:00:00'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows a soft stop with a reason box and starts only once the reason has enough words', async () => {
    const api = mockApi({
      StartTrialContext: context(aPatientMissingPriorLines()),
      StartTrial: {
        data: { startTrial: { __typename: 'Trial', id: 'trial-9', state: 'TITRATING', version: 1 } },
      },
    });
    renderStartPage();
    const findings = await screen.findByRole('list', { name: 'Findings' });
    expect(within(findings).getByText('ELIGIBILITY_PRIOR_LINES_MISSING')).toBeTruthy();
    expect(within(findings).getByText('Soft stop')).toBeTruthy();
    expect(startButton()).toHaveProperty('disabled', true);

    const reason = screen.getByLabelText(/Reason to override eligibility prior lines missing/);
    fireEvent.change(reason, { target: { value: 'too short' } });
    expect(startButton()).toHaveProperty('disabled', true);
    fireEvent.change(reason, { target: { value: 'Anticonvulsant failed at another clinic' } });
    expect(startButton()).toHaveProperty('disabled', false);
    expect(screen.getByText('The trial may start; the override reasons are stored with it.')).toBeTruthy();

    fireEvent.click(startButton());
    const review = screen.getByRole('region', { name: 'Review and start' });
    expect(api.callsOf('StartTrial')).toHaveLength(0);
    expect(within(review).getByText('Complex regional pain syndrome')).toBeTruthy();
    expect(within(review).getByText('Start date').nextSibling?.textContent).toBe('1 Mar 2026');
    expect(within(review).getByRole('table', { name: 'Titration plan' })).toBeTruthy();
    expect(within(review).getByRole('list', { name: 'Overrides' }).textContent).toContain(
      'Anticonvulsant failed at another clinic',
    );
    fireEvent.click(within(review).getByRole('button', { name: 'Start the trial' }));
    await vi.waitFor(() => expect(window.location.pathname).toBe('/trials/trial-9'));
    expect(api.callsOf('StartTrial')[0]?.variables).toEqual({
      patientId: 'patient-1',
      input: {
        condition: 'CRPS',
        startDate: '2026-03-01',
        firstDoseMg: 1.5,
        overrides: [
          { code: 'ELIGIBILITY_PRIOR_LINES_MISSING', reason: 'Anticonvulsant failed at another clinic' },
        ],
      },
    });
  });

  it('has no condition until one is chosen, and checks nothing before', async () => {
    mockApi({ StartTrialContext: context(aPatientMissingPriorLines()) });
    renderStartPage('');
    const condition = (await screen.findByLabelText('Condition')) as HTMLSelectElement;
    expect(condition.value).toBe('');
    expect(within(condition).getByRole('option', { name: 'Choose the condition' })).toBeTruthy();
    expect(screen.getByText('Choose the condition.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Findings' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Titration plan' })).toBeNull();
    expect(startButton()).toHaveProperty('disabled', true);

    fireEvent.change(condition, { target: { value: 'CRPS' } });
    expect(screen.getByRole('table', { name: 'Titration plan' })).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Findings' })).getByText('ELIGIBILITY_PRIOR_LINES_MISSING'),
    ).toBeTruthy();
  });

  it('goes back from the review to the form as it was, without starting anything', async () => {
    const api = mockApi({ StartTrialContext: context(aPatientMissingPriorLines()) });
    renderStartPage();
    fireEvent.change(await screen.findByLabelText(/Reason to override/), {
      target: { value: 'Anticonvulsant failed at another clinic' },
    });
    fireEvent.click(startButton());
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect((screen.getByLabelText('Condition') as HTMLSelectElement).value).toBe('CRPS');
    expect(screen.getByLabelText<HTMLTextAreaElement>(/Reason to override/).value).toBe(
      'Anticonvulsant failed at another clinic',
    );
    expect(api.callsOf('StartTrial')).toHaveLength(0);
  });

  it('previews the titration plan with its dates from the start date', async () => {
    mockApi({ StartTrialContext: context(aPatientMissingPriorLines()) });
    renderStartPage();
    const plan = await screen.findByRole('table', { name: 'Titration plan' });
    const rows = within(plan).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '1 Mar 20261.5 mg at bedtime14',
      '15 Mar 20263.0 mg at bedtime14',
      '29 Mar 20264.5 mg at bedtimefrom then on',
    ]);
    expect(screen.getByText('26 Apr 2026')).toBeTruthy();
    expect(screen.getByText('24 May 2026')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Start date'), { target: { value: '2026-03-02' } });
    expect(within(plan).getAllByRole('row')[1]?.textContent).toContain('2 Mar 2026');
  });

  it('explains a hard stop and keeps the start disabled whatever reasons are given', async () => {
    mockApi({
      StartTrialContext: context(aPatientMissingPriorLines([{ drug: 'oxycodone', isOpioid: true }])),
    });
    renderStartPage();
    const findings = await screen.findByRole('list', { name: 'Findings' });
    expect(within(findings).getByText('OPIOID_CONCURRENT_USE')).toBeTruthy();
    expect(within(findings).getByText('Hard stop')).toBeTruthy();
    expect(screen.getByText(/The trial cannot start: 1 hard stop/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Reason to override/), {
      target: { value: 'Anticonvulsant failed at another clinic' },
    });
    expect(startButton()).toHaveProperty('disabled', true);
  });

  it('shows the findings of the API’s refusal the same way, with a reason box for its soft stop', async () => {
    const refusal = {
      errors: [
        {
          message: 'This needs an override reason.',
          extensions: {
            code: 'OVERRIDE_REQUIRED',
            findings: [
              {
                code: 'BASELINE_NO_PAIN',
                severity: 'SOFT_STOP',
                message: 'A baseline pain score of 0 cannot show a reduction.',
              },
            ],
          },
        },
      ],
    };
    mockApi({ StartTrialContext: context(aPatientMissingPriorLines()), StartTrial: refusal });
    renderStartPage();
    fireEvent.change(await screen.findByLabelText(/Reason to override/), {
      target: { value: 'Anticonvulsant failed at another clinic' },
    });
    fireEvent.click(startButton());
    fireEvent.click(screen.getByRole('button', { name: 'Start the trial' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This needs an override with a reason.');
    const findings = screen.getByRole('list', { name: 'Findings' });
    expect(within(findings).getByText('BASELINE_NO_PAIN')).toBeTruthy();
    expect(screen.getByLabelText(/Reason to override baseline no pain/)).toBeTruthy();
  });

  it('sends to the open trial instead of starting a second one', async () => {
    const patient = {
      ...aPatientMissingPriorLines(),
      trials: [
        {
          __typename: 'Trial',
          id: 'trial-1',
          endedOn: null,
          enteredInError: false,
          status: { __typename: 'TrialStatus', state: 'TITRATING' },
        },
      ],
    };
    mockApi({ StartTrialContext: context(patient as ReturnType<typeof aPatientMissingPriorLines>) });
    renderStartPage();
    expect(await screen.findByRole('link', { name: 'open the trial' })).toHaveProperty(
      'href',
      'http://localhost:3000/trials/trial-1',
    );
    expect(screen.queryByRole('button', { name: 'Review and start' })).toBeNull();
  });

  it('offers a new start when the only trial not ended was entered in error', async () => {
    const patient = {
      ...aPatientMissingPriorLines(),
      trials: [
        {
          __typename: 'Trial',
          id: 'trial-1',
          endedOn: null,
          enteredInError: true,
          status: { __typename: 'TrialStatus', state: 'TITRATING' },
        },
      ],
    };
    mockApi({ StartTrialContext: context(patient as ReturnType<typeof aPatientMissingPriorLines>) });
    renderStartPage();
    expect(await screen.findByRole('button', { name: 'Review and start' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'open the trial' })).toBeNull();
  });
});
