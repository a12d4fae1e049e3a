import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { mockApi } from '../../../test/api-mock.ts';
import type { TrialRecord } from '../api/trial.ts';
import { aTrialStartedOn20260301 } from '../trial-record.builder.ts';
import { AssessmentForm } from './AssessmentForm.tsx';

/** Baseline 7; five scores in the week ending 2026-04-30 with mean 4.8 (a 31 % reduction). */
const SCORES_IN_THE_WINDOW = [5, 5, 5, 4, 5].map((score, index) => ({
  __typename: 'SymptomScore' as const,
  id: `score-${index}`,
  scoredOn: `2026-04-${26 + index}`,
  score,
  source: 'CLINIC' as const,
}));

function renderForm(trial: TrialRecord) {
  const onSaved = vi.fn();
  const onRefused = vi.fn();
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <Provider value={client}>
      <AssessmentForm trial={trial} onSaved={onSaved} onRefused={onRefused} />
    </Provider>,
  );
  fireEvent.click(screen.getByText('Assess the response'));
  return { onSaved, onRefused };
}

const saveButton = () => screen.getByRole('button', { name: 'Save the assessment' });

describe('the assessment form', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('refuses an assessment before the window opens and says when it opens', () => {
    vi.setSystemTime(new Date('2026-04-20T12:00:00'));
    renderForm(aTrialStartedOn20260301({ painScores: SCORES_IN_THE_WINDOW }));
    const check = screen.getByRole('list', { name: 'Assessment check' });
    expect(within(check).getByText('ASSESSMENT_TOO_EARLY')).toBeTruthy();
    expect(check.textContent).toContain('The window opens on 2026-04-26, 6 day(s) later.');
    expect(saveButton()).toHaveProperty('disabled', true);
  });

  it('allows a discontinuation for adverse effects before the window', () => {
    vi.setSystemTime(new Date('2026-04-20T12:00:00'));
    renderForm(
      aTrialStartedOn20260301({
        painScores: [{ ...SCORES_IN_THE_WINDOW[0], scoredOn: '2026-04-18' }] as TrialRecord['painScores'],
      }),
    );
    fireEvent.click(screen.getByLabelText('Discontinue'));
    fireEvent.change(screen.getByLabelText('Reason for discontinuing'), {
      target: { value: 'ADVERSE_EFFECTS' },
    });
    expect(screen.queryByRole('list', { name: 'Assessment check' })).toBeNull();
    expect(saveButton()).toHaveProperty('disabled', false);
  });

  it('shows the computed response class in the window before saving, then saves the decision', async () => {
    vi.setSystemTime(new Date('2026-04-30T12:00:00'));
    const api = mockApi({
      AssessResponse: {
        data: { assessResponse: { __typename: 'Trial', id: 'trial-1', state: 'CONTINUING', version: 4 } },
      },
    });
    const { onSaved } = renderForm(aTrialStartedOn20260301({ painScores: SCORES_IN_THE_WINDOW }));
    expect(screen.getByText('Meaningful response')).toBeTruthy();
    expect(screen.getByText(/mean pain 4\.8 over 5 score\(s\)/).textContent).toContain(
      '31 % below the baseline of 7',
    );

    fireEvent.change(screen.getByLabelText('Assessed on'), { target: { value: '2026-04-28' } });
    expect(screen.getByText(/mean pain 5\.0 over 3 score\(s\)/)).toBeTruthy();
    expect(screen.getByText('Minimal response')).toBeTruthy();

    fireEvent.click(saveButton());
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.callsOf('AssessResponse')[0]?.variables).toEqual({
      trialId: 'trial-1',
      input: { assessedOn: '2026-04-28', decision: 'CONTINUE', discontinuationReason: null, note: null },
    });
  });

  it('says how many of the scores counted the patient reported from home, a day both scored counting once', () => {
    vi.setSystemTime(new Date('2026-04-30T12:00:00'));
    const fromHome = (day: number, score: number) => ({
      __typename: 'SymptomScore' as const,
      id: `home-${day}`,
      scoredOn: `2026-04-${day}`,
      score,
      source: 'PATIENT' as const,
    });
    // 04-26 … 04-30 by the clinic; 04-27 and 04-28 from home too (the clinic's count), and 04-23,
    // before the 7 days ending 04-30: no score from home is counted.
    const painScores = [...SCORES_IN_THE_WINDOW, fromHome(27, 1), fromHome(28, 1), fromHome(23, 0)];
    renderForm(aTrialStartedOn20260301({ painScores }));
    expect(screen.getByText(/mean pain 4\.8 over 5 score\(s\)/)).toBeTruthy();
    expect(screen.queryByText(/reported by the patient from home/)).toBeNull();

    // 04-25 from home only: one of the 6 days counted is the patient's.
    cleanup();
    renderForm(aTrialStartedOn20260301({ painScores: [...painScores, fromHome(25, 2)] }));
    expect(
      screen.getByText(
        /mean pain 4\.3 over 6 score\(s\) of the 7 days \(1 reported by the patient from home\)/,
      ),
    ).toBeTruthy();
  });

  it('cannot assess without a pain score in the 7 days ending on the date', () => {
    vi.setSystemTime(new Date('2026-05-10T12:00:00'));
    renderForm(aTrialStartedOn20260301({ painScores: SCORES_IN_THE_WINDOW }));
    expect(screen.getByText(/No pain score in the 7 days ending on 10 May 2026/)).toBeTruthy();
    expect(saveButton()).toHaveProperty('disabled', true);
  });

  it('shows the API’s refusal with its finding', async () => {
    vi.setSystemTime(new Date('2026-04-30T12:00:00'));
    const refusal = {
      errors: [
        {
          message: 'The clinical rules do not allow this.',
          extensions: {
            code: 'RULE_VIOLATION',
            findings: [
              {
                code: 'ASSESSMENT_TOO_EARLY',
                severity: 'HARD_STOP',
                message:
                  'Response is assessed after at least 4 weeks at the target dose. The window opens on 2026-05-03, 3 day(s) later.',
              },
            ],
          },
        },
      ],
    };
    mockApi({ AssessResponse: refusal });
    const { onRefused } = renderForm(aTrialStartedOn20260301({ painScores: SCORES_IN_THE_WINDOW }));
    fireEvent.click(saveButton());
    expect((await screen.findByRole('alert')).textContent).toContain('The clinical rules do not allow this.');
    expect(screen.getByRole('list', { name: 'Assessment check' }).textContent).toContain('2026-05-03');
    expect(onRefused).toHaveBeenCalled();
  });
});
