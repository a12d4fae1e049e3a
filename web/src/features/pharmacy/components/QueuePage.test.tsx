import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'urql';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { mockApi } from '../../../test/api-mock.ts';
import { QueuePage } from './QueuePage.tsx';

/** A queue answer: one order, and the counts per state. */
function aQueue(counts: Array<{ state: string; count: number }>) {
  return {
    data: {
      pharmacyQueue: {
        __typename: 'PharmacyQueue',
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        counts: counts.map((count) => ({ __typename: 'PharmacyQueueCount', ...count })),
        edges: [
          {
            __typename: 'PharmacyOrderEdge',
            cursor: 'c1',
            node: {
              __typename: 'PharmacyOrder',
              id: 'order-1',
              rxNumber: 7,
              needBy: '2026-03-09',
              state: 'SUBMITTED',
              version: 2,
              kind: 'TITRATION_PACK',
              formulation: 'CAPSULE',
              delivery: 'SHIP',
              clinicName: 'Riverside Pain Clinic',
              prescriberName: 'Dr. Priya Raman',
              submittedAt: '2026-03-01T10:00:00.000Z',
              totalDaysSupply: 58,
              patient: {
                __typename: 'OrderPatient',
                givenName: 'Jonas',
                familyName: 'Berg',
                dateOfBirth: '1982-11-30',
              },
            },
          },
        ],
      },
    },
  };
}

function renderQueue() {
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <RouterProvider>
      <Provider value={client}>
        <QueuePage />
      </Provider>
    </RouterProvider>,
  );
}

describe('the pharmacy queue', () => {
  beforeEach(() => window.history.replaceState(null, '', '/pharmacy/queue'));

  it('shows each order’s Rx number and need-by date, and the counts per state', async () => {
    mockApi({
      PharmacyQueue: aQueue([
        { state: 'SUBMITTED', count: 3 },
        { state: 'DISPENSED', count: 12 },
      ]),
    });
    renderQueue();
    const row = (await screen.findByRole('link', { name: 'Jonas Berg' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Rx 000007')).toBeTruthy();
    expect(within(row).getByText('9 Mar 2026')).toBeTruthy();
    const counts = screen.getByRole('navigation', { name: 'Orders by state' });
    expect(within(counts).getByRole('link', { name: 'Submitted: 3' })).toBeTruthy();
    expect(within(counts).getByRole('link', { name: 'Dispensed: 12' })).toBeTruthy();
  });

  it('searches by what the pharmacist typed, keeping it in the address', async () => {
    const api = mockApi({ PharmacyQueue: aQueue([{ state: 'SUBMITTED', count: 1 }]) });
    renderQueue();
    await screen.findByRole('link', { name: 'Jonas Berg' });
    fireEvent.change(screen.getByLabelText('Search orders'), { target: { value: ' Rx 7 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(api.callsOf('PharmacyQueue').map((call) => call.variables.search)).toContain('Rx 7'),
    );
    expect(window.location.search).toBe('?q=Rx+7');
  });
});
