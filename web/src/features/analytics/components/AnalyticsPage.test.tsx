import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { mockApi } from '../../../test/api-mock.ts';
import { AnalyticsPage } from './AnalyticsPage.tsx';

const point = (day: number, rate: number) => ({
  __typename: 'ContinuationPoint',
  day,
  rate,
  lower: rate - 0.1,
  upper: Math.min(1, rate + 0.1),
  atRisk: 12,
});

/** A reported rate (90, 123, 180 days) as the API gives it; null rate when not estimable. */
const rate = (day: number, share: number | null, atRisk = 12) => ({
  __typename: 'ContinuationRate',
  day,
  estimable: share !== null,
  rate: share,
  lower: share === null ? null : share - 0.1,
  upper: share === null ? null : Math.min(1, share + 0.1),
  atRisk,
});

/** A group of the breakdowns; `suppressed` hides every figure as the API does. */
function aGroup(key: string, label: string, suppressed = false, survivalSuppressed = suppressed) {
  const figure = survivalSuppressed ? null : rate(90, 0.7);
  return {
    __typename: 'ContinuationGroup',
    key,
    label,
    suppressed,
    survivalSuppressed,
    patientCount: suppressed ? null : 12,
    trialCount: suppressed ? null : 12,
    medianDays: null,
    rateAt90: figure,
    rateAt123: figure,
    rateAt180: figure,
  };
}

const reference = (value: number, evidence: string[]) => ({ __typename: 'ReferenceFigure', value, evidence });

/** A report of the network as the API returns it; `suppressed` leaves every figure out. */
function aReport(suppressed = false, survivalSuppressed = suppressed) {
  return {
    data: {
      continuationReport: {
        __typename: 'ContinuationReport',
        asOf: '2026-11-25',
        computedAt: '2026-11-25T10:00:00.000Z',
        suppressed,
        survivalSuppressed,
        minimumGroupSize: 5,
        minimumAtRisk: 10,
        confidenceIntervalMethod: 'Greenwood, log-log.',
        patientCount: suppressed ? null : 24,
        trialCount: suppressed ? null : 24,
        assessedCount: 10,
        censoredCount: 14,
        discontinuedCount: 6,
        medianDays: survivalSuppressed ? null : 150,
        meanPainChange: -1.2,
        adverseEffectRate: 0.25,
        rateAt90: survivalSuppressed ? null : rate(90, 0.7),
        rateAt123: survivalSuppressed ? null : rate(123, 0.6),
        rateAt180: null as ReturnType<typeof rate> | null,
        curve: survivalSuppressed ? [] : [point(0, 1), point(40, 0.8), point(120, 0.6)],
        censorings: survivalSuppressed
          ? []
          : [{ __typename: 'ContinuationCensoring', day: 150, rate: 0.6, censored: 3 }],
        followUpDays: survivalSuppressed ? null : 150,
        numbersAtRisk: survivalSuppressed
          ? []
          : [0, 30, 60, 90, 120, 150].map((day, index) => ({
              __typename: 'NumberAtRisk',
              day,
              atRisk: 24 - 3 * index,
            })),
        byCondition: [
          aGroup('FIBROMYALGIA', 'Fibromyalgia'),
          aGroup('CRPS', 'Complex regional pain syndrome', true),
        ],
        byClinic: [aGroup('clinic-1', 'Riverside Pain Clinic')],
        byPrescriber: [aGroup('person-1', 'Dr. Priya Raman')],
        discontinuationReasons: [
          {
            __typename: 'DiscontinuationReasonCount',
            reason: 'INEFFECTIVE',
            label: 'Ineffective',
            count: 6,
            suppressed: false,
          },
        ],
        responseClasses: [
          { __typename: 'ResponseClassCount', responseClass: 'MINIMAL', count: null, suppressed: true },
        ],
        reference: {
          __typename: 'ContinuationReferenceFigures',
          continuingAtFollowUp: reference(0.5, ['6']),
          meanDurationDays: reference(123, ['6']),
          meanPainChange: reference(-0.83, ['6']),
          adverseEffectRate: reference(0.32, ['seed']),
        },
      },
    },
  };
}

function renderPage() {
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  return render(
    <Provider value={client}>
      <AnalyticsPage />
    </Provider>,
  );
}

describe('the analytics page', () => {
  it('shows each headline figure beside its reference, the curve and suppressed groups', async () => {
    mockApi({ ContinuationReport: aReport() });
    renderPage();
    const figures = await screen.findByRole('region', { name: 'Headline figures' });
    const at123 = within(figures).getByRole('row', { name: /^Still on LDN at 123 days/ });
    expect(at123.textContent).toContain('60 % (95 % CI 50–70 %)');
    expect(at123.textContent).toContain('50 % at follow-up [6]');
    expect(within(figures).getByRole('row', { name: /^Median days/ }).textContent).toContain(
      'Mean 123 days [6]',
    );
    expect(screen.getByRole('img', { name: /Continuation of LDN/ })).toBeTruthy();
    const byCondition = screen.getByRole('region', { name: 'By condition' });
    expect(within(byCondition).getByRole('row', { name: /Complex regional/ }).textContent).toContain(
      'suppressed',
    );
  });

  it('says "suppressed (fewer than 5)" instead of "not reached" when the rates would reveal a small count', async () => {
    const report = aReport(false, true);
    report.data.continuationReport.byClinic = [aGroup('clinic-1', 'North clinic', false, true)];
    mockApi({ ContinuationReport: report });
    renderPage();
    const figures = await screen.findByRole('region', { name: 'Headline figures' });
    for (const name of [/^Still on LDN at 90 days/, /^Median days/]) {
      const row = within(figures).getByRole('row', { name });
      expect(row.textContent).toContain('Suppressed (fewer than 5)');
      expect(row.textContent).not.toContain('Not reached');
    }
    expect(screen.getByText(/Curve suppressed \(fewer than 5\)/)).toBeTruthy();
    expect(screen.queryByRole('img', { name: /Continuation of LDN/ })).toBeNull();
    const byClinic = screen.getByRole('region', { name: 'By clinic' });
    const row = within(byClinic).getByRole('row', { name: /North clinic/ });
    expect(row.textContent).toContain('12');
    expect(row.textContent).toContain('suppressed');
    expect(row.textContent).not.toContain('Not reached');
  });

  it('reads "not estimable" where fewer than 10 are at risk, in the headline and the breakdowns', async () => {
    const report = aReport();
    report.data.continuationReport.rateAt180 = rate(180, null, 9);
    const group = aGroup('clinic-1', 'North clinic');
    report.data.continuationReport.byClinic = [{ ...group, rateAt180: rate(180, null, 9) }];
    mockApi({ ContinuationReport: report });
    renderPage();
    const figures = await screen.findByRole('region', { name: 'Headline figures' });
    const at180 = within(figures).getByRole('row', { name: /^Still on LDN at 180 days/ });
    const [value] = within(at180).getAllByRole('cell');
    expect(value?.textContent).toBe('Not estimable (9 at risk, fewer than 10)');
    const byClinic = screen.getByRole('region', { name: 'By clinic' });
    const row = within(byClinic).getByRole('row', { name: /North clinic/ });
    expect(row.textContent).toContain('Not estimable (9 at risk)');
    expect(row.textContent).toContain('70 %');
  });

  it('shows the numbers at risk under the curve and explains the figures in plain words', async () => {
    mockApi({ ContinuationReport: aReport() });
    renderPage();
    const atRisk = await screen.findByRole('table', { name: 'Numbers at risk' });
    expect(within(atRisk).getByRole('row', { name: /^At risk/ }).textContent).toBe('At risk24211815129');
    expect(screen.getByText(/the figure reads “not estimable”/).textContent).toContain('fewer than 10');
    const method = screen.getByText('Method').closest('details');
    expect(method?.textContent).toContain('Kaplan–Meier');
    expect(method?.textContent).toContain('Greenwood, log-log.');
    const chart = screen.getByRole('img', { name: /Continuation of LDN/ });
    expect(chart.querySelectorAll('.chart-censorings line')).toHaveLength(1);
    expect(chart.querySelector('.chart-at-risk')?.textContent).toContain('At risk');
  });

  it('says so when the filter leaves too few patients', async () => {
    mockApi({ ContinuationReport: aReport(true) });
    renderPage();
    expect(await screen.findByText(/Too few patients match these filters/)).toBeTruthy();
    expect(screen.queryByRole('img', { name: /Continuation of LDN/ })).toBeNull();
  });

  it('sends the chosen start dates, conditions and clinic', async () => {
    const api = mockApi({ ContinuationReport: aReport() });
    renderPage();
    await screen.findByRole('region', { name: 'Headline figures' });
    fireEvent.change(screen.getByLabelText('Started from'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByLabelText('Fibromyalgia'));
    fireEvent.change(screen.getByLabelText('Clinic'), { target: { value: 'clinic-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByRole('region', { name: 'Headline figures' });
    await vi.waitFor(() => expect(api.callsOf('ContinuationReport')).toHaveLength(2));
    expect(api.callsOf('ContinuationReport')[1]?.variables).toEqual({
      filter: { startedFrom: '2026-01-01', conditions: ['FIBROMYALGIA'], clinicIds: ['clinic-1'] },
    });
  });
});
