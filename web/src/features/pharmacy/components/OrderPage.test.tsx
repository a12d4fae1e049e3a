import { OPIOID_LABEL_WARNING, ORDER_SIGNATURE_MEANING } from '@ldn/rules';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { apiError, mockApi } from '../../../test/api-mock.ts';
import { OrderPage } from './OrderPage.tsx';

interface CompoundingRecord {
  compoundedByName: string;
  compoundedAt: string;
  compoundedByViewer: boolean;
  verifiedByName: string | null;
  verifiedAt: string | null;
}

/** Compounded by a colleague of the viewer; `verified` adds the second pharmacist's check. */
function aCompoundingRecord(overrides: Partial<CompoundingRecord> = {}): CompoundingRecord {
  return {
    compoundedByName: 'Dana Whitfield, PharmD',
    compoundedAt: '2026-03-02T09:00:00.000Z',
    compoundedByViewer: false,
    verifiedByName: null,
    verifiedAt: null,
    ...overrides,
  };
}

const VERIFIED = { verifiedByName: 'Lena Ortiz, RPh', verifiedAt: '2026-03-02T11:30:00.000Z' };

/** An order as the pharmacy query returns it, in a state and version, with its compounding record. */
function anOrder(state: string, version: number, compounding: CompoundingRecord | null = null) {
  return {
    __typename: 'PharmacyOrder',
    id: 'order-1',
    rxNumber: 42,
    needBy: '2026-03-04',
    state,
    stateBeforeHold: null,
    version,
    kind: 'TITRATION_PACK',
    formulation: 'CAPSULE',
    vehicle: null,
    liquidStrengthMgPerMl: null,
    clinicName: 'Riverside Pain Clinic',
    pharmacy: {
      name: 'Compounding Pharmacy of Springfield',
      addressLine1: '9 Mill Road',
      addressLine2: null,
      city: 'Springfield',
      region: 'OR',
      postalCode: '97477',
      phone: '555-0199',
    },
    prescriberName: 'Dr. Priya Raman',
    prescriberNpi: '1234567893',
    submittedAt: '2026-03-01T10:00:00.000Z',
    signature: {
      __typename: 'OrderSignature',
      signerName: 'Dr. Priya Raman',
      signedAt: '2026-03-01T10:00:00.000Z',
      meaning: ORDER_SIGNATURE_MEANING,
      matchesOrder: true,
    },
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
    compounding: compounding === null ? null : { __typename: 'CompoundingRecord', ...compounding },
    dispensedOn: null,
    trackingNumber: null,
    rejectionCode: null,
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
    lines: [aLine(1, 1.5, 14), aLine(2, 3, 30)],
    events: [],
  };
}

/** A capsule line of an order: its strength and how many capsules. */
function aLine(sequence: number, strength: number, quantity: number) {
  return {
    sequence,
    nightlyDoseMg: strength,
    strength,
    strengthUnit: 'mg',
    amountPerNight: 1,
    quantity,
    quantityUnit: 'capsule',
    daysSupply: quantity,
    startsOn: '2026-03-04',
    directions: `Take 1 capsule (${strength} mg) by mouth at bedtime.`,
    lotNumber: null,
    beyondUseDate: null,
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

  it('asks for a lot number per line and offers the USP <795> beyond-use date of capsules', async () => {
    const api = mockApi({
      PharmacyOrder: { data: { pharmacyOrder: anOrder('COMPOUNDING', 5) } },
      MarkReady: {
        data: { markReady: { __typename: 'PharmacyOrder', id: 'order-1', state: 'READY', version: 6 } },
      },
    });
    renderOrderPage();
    const first = (await screen.findByLabelText('Lot number (line 1, 1.5 mg)')) as HTMLInputElement;
    const second = screen.getByLabelText('Lot number (line 2, 3 mg)') as HTMLInputElement;
    expect(first.required).toBe(true);
    expect(screen.getByText(/USP <795> default: 180 days/)).toBeTruthy();
    fireEvent.change(first, { target: { value: 'LOT-1' } });
    // Each strength is its own preparation: one lot is not enough for the pack.
    expect(screen.getByRole('button', { name: 'Mark ready' })).toHaveProperty('disabled', true);
    fireEvent.change(second, { target: { value: 'LOT-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark ready' }));
    await waitFor(() => expect(api.callsOf('MarkReady')).toHaveLength(1));
    const sent = api.callsOf('MarkReady')[0]?.variables as {
      input: { lines: { sequence: number; lotNumber: string }[] };
    };
    expect(sent.input.lines.map(({ sequence, lotNumber }) => ({ sequence, lotNumber }))).toEqual([
      { sequence: 1, lotNumber: 'LOT-1' },
      { sequence: 2, lotNumber: 'LOT-2' },
    ]);
  });

  it('rejects with a coded reason, asking for a note only when the reason is OTHER', async () => {
    const api = mockApi({
      PharmacyOrder: { data: { pharmacyOrder: anOrder('SUBMITTED', 3) } },
      RejectOrder: {
        data: { rejectOrder: { __typename: 'PharmacyOrder', id: 'order-1', state: 'REJECTED', version: 4 } },
      },
    });
    renderOrderPage();
    const reason = (await screen.findByLabelText('Reason for rejecting')) as HTMLSelectElement;
    const submit = screen.getByRole('button', { name: 'Reject order' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(reason, { target: { value: 'OTHER' } });
    expect(screen.getByLabelText('Note for the clinic')).toHaveProperty('required', true);
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(reason, { target: { value: 'OUT_OF_STOCK' } });
    expect(submit).toHaveProperty('disabled', false);
    fireEvent.click(submit);
    await waitFor(() => expect(api.callsOf('RejectOrder')).toHaveLength(1));
    expect(api.callsOf('RejectOrder')[0]?.variables).toEqual({
      input: { orderId: 'order-1', version: 3, code: 'OUT_OF_STOCK' },
    });
  });

  it('shows the worksheet’s calculation of each line, with its overage', async () => {
    mockApi({ PharmacyOrder: { data: { pharmacyOrder: anOrder('COMPOUNDING', 5) } } });
    renderOrderPage();
    const calculation = await screen.findByRole('region', { name: 'Calculation' });
    expect(calculation.textContent).toContain('Line 1: weigh 22.5 mg naltrexone HCl');
    expect(calculation.textContent).toContain('14 capsules + 5 % overage = 15 capsules');
    expect(calculation.textContent).toContain('3 mg × 32 = 96 mg naltrexone HCl');
  });

  it('shows the Rx number and need-by date of the order', async () => {
    mockApi({ PharmacyOrder: { data: { pharmacyOrder: anOrder('SUBMITTED', 3) } } });
    renderOrderPage();
    expect(await screen.findByRole('heading', { name: /Rx 000042/ })).toBeTruthy();
    const prescription = screen.getByRole('region', { name: 'Prescription' });
    expect(prescription.textContent).toContain('Rx 000042');
    expect(prescription.textContent).toContain('4 Mar 2026');
  });

  it('prints a label per line with the pharmacy, Rx number, quantity in words and the opioid warning', async () => {
    mockApi({ PharmacyOrder: { data: { pharmacyOrder: anOrder('READY', 6) } } });
    renderOrderPage();
    const labels = await screen.findByRole('region', { name: 'Labels' });
    const text = labels.textContent ?? '';
    expect(text).toContain('Compounding Pharmacy of Springfield');
    expect(text).toContain('Tel 555-0199');
    expect(text).toContain('Rx 000042');
    expect(text).toContain('Qty 14 capsules');
    expect(text).toContain('Qty 30 capsules');
    expect(text).toContain('Prescriber: Dr. Priya Raman');
    expect(text.split(OPIOID_LABEL_WARNING)).toHaveLength(3);
  });

  it('asks for the tracking number of a shipped order before dispensing', async () => {
    mockApi({
      PharmacyOrder: { data: { pharmacyOrder: anOrder('READY', 6, aCompoundingRecord(VERIFIED)) } },
    });
    renderOrderPage();
    expect(await screen.findByLabelText('Tracking number')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dispense (shipped)' })).toHaveProperty('disabled', true);
  });

  it('identifies the patient by name and date of birth (the clinic’s MRN is not the pharmacy’s to see)', async () => {
    mockApi({ PharmacyOrder: { data: { pharmacyOrder: anOrder('SUBMITTED', 3) } } });
    renderOrderPage();
    const banner = await screen.findByRole('region', { name: 'Patient identification' });
    expect(banner.textContent).toContain('Ann Lee');
    expect(banner.textContent).toContain('2 Jan 1970');
    expect(banner.textContent).not.toContain('MRN');
  });

  it('shows who signed the order, when, and what the signature means', async () => {
    mockApi({ PharmacyOrder: { data: { pharmacyOrder: anOrder('SUBMITTED', 3) } } });
    renderOrderPage();
    const prescription = await screen.findByRole('region', { name: 'Prescription' });
    expect(prescription.textContent).toContain(
      `Signed by Dr. Priya Raman on ${formatDateTime('2026-03-01T10:00:00.000Z')} — ${ORDER_SIGNATURE_MEANING}`,
    );
  });

  it('offers a second pharmacist to verify a ready order, with the version read, before any dispensing', async () => {
    const api = mockApi({
      PharmacyOrder: (_variables, call) => ({
        data: {
          pharmacyOrder:
            call === 1
              ? anOrder('READY', 6, aCompoundingRecord())
              : anOrder('READY', 7, aCompoundingRecord(VERIFIED)),
        },
      }),
      VerifyOrder: {
        data: { verifyOrder: { __typename: 'PharmacyOrder', id: 'order-1', state: 'READY', version: 7 } },
      },
    });
    renderOrderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Verify' }));
    expect(screen.queryByRole('form', { name: 'Dispense' })).toBeNull();
    expect(await screen.findByRole('form', { name: 'Dispense' })).toBeTruthy();
    expect(api.callsOf('VerifyOrder')[0]?.variables).toEqual({ input: { orderId: 'order-1', version: 6 } });
  });

  it('tells the pharmacist who compounded the order that another one verifies it', async () => {
    mockApi({
      PharmacyOrder: {
        data: { pharmacyOrder: anOrder('READY', 6, aCompoundingRecord({ compoundedByViewer: true })) },
      },
    });
    renderOrderPage();
    expect(await screen.findByText(/another pharmacist of the pharmacy verifies it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Verify' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Dispense' })).toBeNull();
  });

  it('says why a verification by the compounder was refused', async () => {
    mockApi({
      PharmacyOrder: { data: { pharmacyOrder: anOrder('READY', 6, aCompoundingRecord()) } },
      VerifyOrder: apiError('FORBIDDEN', 'You compounded this order.'),
    });
    renderOrderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Verify' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You compounded this order: another pharmacist of the pharmacy must verify it.',
    );
  });

  it('shows and prints who compounded the order and who verified it, with when', async () => {
    mockApi({
      PharmacyOrder: { data: { pharmacyOrder: anOrder('READY', 7, aCompoundingRecord(VERIFIED)) } },
    });
    renderOrderPage();
    const record = await screen.findByRole('region', { name: 'Compounding record' });
    const text = record.textContent ?? '';
    expect(text).toContain(`Dana Whitfield, PharmD, ${formatDateTime('2026-03-02T09:00:00.000Z')}`);
    expect(text).toContain(`Lena Ortiz, RPh, ${formatDateTime('2026-03-02T11:30:00.000Z')}`);
    expect(text).toContain('Compounded by Dana Whitfield, PharmD, signature');
    expect(text).toContain('Verified by Lena Ortiz, RPh, signature');
  });

  it('says a ready order is not yet verified', async () => {
    mockApi({ PharmacyOrder: { data: { pharmacyOrder: anOrder('READY', 6, aCompoundingRecord()) } } });
    renderOrderPage();
    const record = await screen.findByRole('region', { name: 'Compounding record' });
    expect(record.textContent).toContain('Not yet verified');
  });
});
