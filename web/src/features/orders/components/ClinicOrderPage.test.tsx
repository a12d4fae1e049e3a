import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, mockApi } from '../../../test/api-mock.ts';
import { ClinicOrderPage } from './ClinicOrderPage.tsx';
import { anOrder, moved, orderFormAnswer, renderWithApi, typeInto, viewer } from './order-test-data.ts';

type Role = 'CLINICIAN' | 'COORDINATOR';

const orderAnswer = (order: ReturnType<typeof anOrder>, role: Role = 'CLINICIAN') => ({
  data: { me: viewer(role), order },
});

const actionsRegion = () => screen.findByRole('region', { name: 'Next step' });

/** The names of the buttons and disclosures offered in the "Next step" region (not what a disclosure holds). */
async function offeredActions(): Promise<string[]> {
  const region = await actionsRegion();
  const buttons = within(region)
    .queryAllByRole('button')
    .filter((button) => button.closest('details') === null)
    .map((button) => button.textContent ?? '');
  const disclosures = [...region.querySelectorAll('summary')].map((summary) => summary.textContent ?? '');
  return [...buttons, ...disclosures];
}

describe('the clinic order page', () => {
  it.each<[string, Role, string[]]>([
    ['DRAFT', 'CLINICIAN', ['Sign and submit to the pharmacy', 'Edit draft', 'Cancel the order…']],
    ['DRAFT', 'COORDINATOR', ['Edit draft', 'Cancel the order…']],
    ['SUBMITTED', 'CLINICIAN', ['Cancel the order…']],
    ['RECEIVED', 'COORDINATOR', ['Cancel the order…']],
    ['COMPOUNDING', 'CLINICIAN', []],
    ['READY', 'CLINICIAN', []],
    ['DISPENSED', 'CLINICIAN', []],
    ['REJECTED', 'CLINICIAN', []],
    ['CANCELLED', 'CLINICIAN', []],
    ['ON_HOLD', 'COORDINATOR', ['Release the hold']],
  ])('offers a %s order to a %s: %j', async (state, role, actions) => {
    mockApi({ ClinicOrder: orderAnswer(anOrder(state, 2), role) });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    expect(await offeredActions()).toEqual(actions);
  });

  it('tells a coordinator a clinician signs the draft', async () => {
    mockApi({ ClinicOrder: orderAnswer(anOrder('DRAFT', 1), 'COORDINATOR') });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    expect(await screen.findByText('A clinician signs and submits this draft to the pharmacy.')).toBeTruthy();
  });

  it('signs with the version read, an idempotency key and the password, then shows SUBMITTED', async () => {
    const api = mockApi({
      ClinicOrder: (_variables, call) =>
        orderAnswer(call === 1 ? anOrder('DRAFT', 1) : anOrder('SUBMITTED', 2)),
      SubmitOrder: moved('submitOrder', 'SUBMITTED', 2),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign and submit to the pharmacy' }));
    typeInto(await screen.findByLabelText('Your password'), 'my password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).parentElement?.textContent).toContain('Submitted'),
    );
    expect(api.callsOf('SubmitOrder')[0]?.variables).toEqual({
      input: {
        orderId: 'order-1',
        version: 1,
        idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
        password: 'my password',
      },
    });
    expect(await offeredActions()).toEqual(['Cancel the order…']);
  });

  it('says someone else changed the order on a CONFLICT, and reloads it', async () => {
    const api = mockApi({
      ClinicOrder: (_variables, call) =>
        orderAnswer(call === 1 ? anOrder('DRAFT', 1) : anOrder('CANCELLED', 2)),
      SubmitOrder: apiError('CONFLICT', 'This record was changed by someone else.'),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign and submit to the pharmacy' }));
    typeInto(await screen.findByLabelText('Your password'), 'my password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Someone else changed this order; it has been reloaded. Check it and try again.',
    );
    await waitFor(() => expect(api.callsOf('ClinicOrder')).toHaveLength(2));
    expect(await offeredActions()).toEqual([]);
  });

  it('cancels with the reason given (at least 3 characters)', async () => {
    const api = mockApi({
      ClinicOrder: orderAnswer(anOrder('SUBMITTED', 4)),
      CancelOrder: moved('cancelOrder', 'CANCELLED', 5),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    const reason = await screen.findByLabelText('Reason for cancelling');
    const cancel = screen.getByRole('button', { name: 'Cancel order' });
    typeInto(reason, 'no');
    expect(cancel).toHaveProperty('disabled', true);
    typeInto(reason, 'Patient moved to another clinic');
    fireEvent.click(cancel);
    await waitFor(() => expect(api.callsOf('CancelOrder')).toHaveLength(1));
    expect(api.callsOf('CancelOrder')[0]?.variables).toEqual({
      input: { orderId: 'order-1', version: 4, reason: 'Patient moved to another clinic' },
    });
  });

  it('explains a refused release of a hold with the server’s reason', async () => {
    mockApi({
      ClinicOrder: orderAnswer(anOrder('ON_HOLD', 3, { stateBeforeHold: 'RECEIVED' })),
      ReleaseOrderHold: apiError(
        'INVALID_TRANSITION',
        'The trial is still on hold: the order is released when the trial resumes.',
      ),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    expect(await screen.findByText(/when released it returns to received/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Release the hold' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This is not possible in the current state. The trial is still on hold: the order is released when the trial resumes.',
    );
  });

  it('shows the pharmacy’s Rx number and the need-by date once the order is sent', async () => {
    mockApi({ ClinicOrder: orderAnswer(anOrder('SUBMITTED', 2)) });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    expect(await screen.findByRole('heading', { name: /Rx 001042/ })).toBeTruthy();
    expect(screen.getByText(/need by 1 Mar 2099/)).toBeTruthy();
  });

  it('shows a rejected order with the pharmacy’s reason', async () => {
    mockApi({
      ClinicOrder: orderAnswer(
        anOrder('REJECTED', 3, {
          rejectionCode: 'OUT_OF_STOCK',
          rejectionReason: 'Out of 1.5 mg capsules this week.',
        }),
      ),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    expect(await screen.findByText('Rejected by CareRx Compounding:')).toBeTruthy();
    expect(screen.getByText('Out of stock — Out of 1.5 mg capsules this week.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'make a new order' }).getAttribute('href')).toBe(
      '/trials/trial-1/orders/new',
    );
  });

  it('shows the lot and beyond-use date once the order is ready, and the history with who and when', async () => {
    const events = [
      {
        __typename: 'OrderEvent',
        at: '2099-03-01T10:00:00.000Z',
        actorName: 'Dr. Priya Raman',
        fromState: 'DRAFT',
        toState: 'SUBMITTED',
        reason: null,
      },
      {
        __typename: 'OrderEvent',
        at: '2099-03-02T10:00:00.000Z',
        actorName: 'Sam Ortiz, PharmD',
        fromState: 'COMPOUNDING',
        toState: 'READY',
        reason: null,
      },
    ];
    mockApi({
      ClinicOrder: orderAnswer(
        anOrder('READY', 6, {
          lotNumber: 'LOT-42',
          compoundedOn: '2099-03-02',
          beyondUseDate: '2099-08-29',
          events,
        }),
      ),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    const compounding = await screen.findByRole('region', { name: 'Compounding' });
    expect(compounding.textContent).toContain('LOT-42');
    expect(compounding.textContent).toContain('29 Aug 2099');
    const history = screen.getByRole('list', { name: 'Order history' });
    expect(history.textContent).toContain('Compounding → Ready by Sam Ortiz, PharmD');
  });

  it('edits a draft with the version read, previewing the new lines', async () => {
    const api = mockApi({
      ClinicOrder: orderAnswer(anOrder('DRAFT', 1)),
      OrderFormTrial: orderFormAnswer('CLINICIAN'),
      UpdateOrderDraft: moved('updateOrderDraft', 'DRAFT', 2),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit draft' }));
    typeInto(await screen.findByLabelText('Nights at the target dose'), '60');
    typeInto(screen.getByLabelText('Refills'), '2');
    expect(screen.getByText(/3 lines, 88 nights in all/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.callsOf('UpdateOrderDraft')).toHaveLength(1));
    expect(api.callsOf('UpdateOrderDraft')[0]?.variables).toMatchObject({
      order: { orderId: 'order-1', version: 1 },
      input: {
        kind: 'TITRATION_PACK',
        daysSupply: 60,
        refills: 2,
        pharmacyId: 'pharmacy-1',
        fromDate: '2099-03-01',
      },
    });
    expect(await screen.findByRole('button', { name: 'Sign and submit to the pharmacy' })).toBeTruthy();
  });

  it('keeps the edit open on a CONFLICT, says so, and reloads the order', async () => {
    const api = mockApi({
      ClinicOrder: (_variables, call) => orderAnswer(anOrder('DRAFT', call === 1 ? 1 : 2)),
      OrderFormTrial: orderFormAnswer('COORDINATOR'),
      UpdateOrderDraft: apiError('CONFLICT'),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit draft' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Someone else changed this order; it has been reloaded. Check it and try again.',
    );
    await waitFor(() => expect(api.callsOf('ClinicOrder')).toHaveLength(2));
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeTruthy();
  });

  it('says an order of another clinic is not found', async () => {
    mockApi({ ClinicOrder: apiError('NOT_FOUND', 'Order not found.') });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This order is not in your clinic’s records.',
    );
  });
});
