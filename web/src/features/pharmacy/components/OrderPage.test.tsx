import { fireEvent, render, screen } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { apiError, mockApi } from '../../../test/api-mock.ts';
import { OrderPage } from './OrderPage.tsx';

/** An order as the pharmacy query returns it, in a state and version. */
function anOrder(state: string, version: number) {
  return {
    __typename: 'PharmacyOrder',
    id: 'order-1',
    state,
    stateBeforeHold: null,
    version,
    kind: 'TITRATION_PACK',
    formulation: 'CAPSULE',
    vehicle: null,
    liquidStrengthMgPerMl: null,
    clinicName: 'Riverside Pain Clinic',
    prescriberName: 'Dr. Priya Raman',
    prescriberNpi: '1234567893',
    submittedAt: '2026-03-01T10:00:00.000Z',
    refills: 0,
    totalDaysSupply: 58,
    excipientNotes: null,
    allergies: null,
    payment: 'SELF_PAY',
    insuranceNote: null,
    delivery: 'SHIP',
    shipToLine1: '1 Main St',
    shipToLine2: null,
    shipToCity: 'Springfield',
    shipToRegion: null,
    shipToPostal: '12345',
    lotNumber: null,
    beyondUseDate: null,
    budReason: null,
    compoundedOn: null,
    dispensedOn: null,
    trackingNumber: null,
    rejectionReason: null,
    patient: {
      givenName: 'Ann',
      familyName: 'Lee',
      dateOfBirth: '1970-01-02',
      phone: null,
      allergies: null,
      addressLine1: null,
      addressLine2: null,
      city: null,
      region: null,
      postalCode: null,
    },
    lines: [],
    events: [],
  };
}

function renderOrderPage() {
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <RouterProvider>
      <Provider value={client}>
        <OrderPage orderId="order-1" />
      </Provider>
    </RouterProvider>,
  );
}

describe('the pharmacy order page', () => {
  it('acknowledges with the version read, then shows the order’s next step', async () => {
    const api = mockApi({
      PharmacyOrder: (_variables, call) => ({
        data: { pharmacyOrder: call === 1 ? anOrder('SUBMITTED', 3) : anOrder('RECEIVED', 4) },
      }),
      AcknowledgeOrder: {
        data: {
          acknowledgeOrder: { __typename: 'PharmacyOrder', id: 'order-1', state: 'RECEIVED', version: 4 },
        },
      },
    });
    renderOrderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByRole('button', { name: 'Start compounding' })).toBeTruthy();
    expect(api.callsOf('AcknowledgeOrder')[0]?.variables).toEqual({
      input: { orderId: 'order-1', version: 3 },
    });
  });

  it('says someone else changed the order on a CONFLICT, and reloads it', async () => {
    const api = mockApi({
      PharmacyOrder: (_variables, call) => ({
        data: { pharmacyOrder: call === 1 ? anOrder('SUBMITTED', 3) : anOrder('RECEIVED', 4) },
      }),
      AcknowledgeOrder: apiError('CONFLICT', 'This record was changed by someone else.'),
    });
    renderOrderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Someone else changed this order; it has been reloaded. Check it and try again.',
    );
    expect(await screen.findByRole('button', { name: 'Start compounding' })).toBeTruthy();
    expect(api.callsOf('PharmacyOrder')).toHaveLength(2);
  });

  it('shows an INVALID_TRANSITION next to the action with the server’s reason', async () => {
    mockApi({
      PharmacyOrder: { data: { pharmacyOrder: anOrder('SUBMITTED', 3) } },
      AcknowledgeOrder: apiError('INVALID_TRANSITION', 'A CANCELLED order cannot be acknowledged.'),
    });
    renderOrderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This is not possible in the current state. A CANCELLED order cannot be acknowledged.',
    );
  });

  it('asks for the lot number and offers the USP <795> beyond-use date of capsules', async () => {
    mockApi({ PharmacyOrder: { data: { pharmacyOrder: anOrder('COMPOUNDING', 5) } } });
    renderOrderPage();
    const lot = (await screen.findByLabelText('Lot number')) as HTMLInputElement;
    expect(lot.required).toBe(true);
    expect(screen.getByRole('button', { name: 'Mark ready' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/USP <795> default: 180 days/)).toBeTruthy();
    fireEvent.change(lot, { target: { value: 'LOT-1' } });
    expect(screen.getByRole('button', { name: 'Mark ready' })).toHaveProperty('disabled', false);
  });

  it('asks for the tracking number of a shipped order before dispensing', async () => {
    mockApi({ PharmacyOrder: { data: { pharmacyOrder: anOrder('READY', 6) } } });
    renderOrderPage();
    expect(await screen.findByLabelText('Tracking number')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dispense (shipped)' })).toHaveProperty('disabled', true);
  });
});
