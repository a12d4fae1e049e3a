import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/api-mock.ts';
import { ClinicOrderPage } from './ClinicOrderPage.tsx';
import { NewOrderPage } from './NewOrderPage.tsx';
import {
  anOrder,
  aTrial,
  moved,
  orderFormAnswer,
  renderWithApi,
  typeInto,
  viewer,
} from './order-test-data.ts';

/** An order of the trial as the order form's query lists it. */
const anOtherOrder = (state: string, dispensedOn: string | null = null, daysSupply = 30) => ({
  __typename: 'ClinicOrder',
  id: `order-${state}`,
  state,
  dispensedOn,
  lines: [{ __typename: 'OrderLine', daysSupply, startsOn: null }],
});
const withOrders = (...orders: ReturnType<typeof anOtherOrder>[]) =>
  orderFormAnswer('COORDINATOR', aTrial({ orders }));
const REASON = 'The first pack was lost in the mail';
const findingsList = () => screen.findByRole('list', { name: 'Before you save' });
const saveButton = () => screen.findByRole('button', { name: 'Save draft order' });

describe('a new order that overlaps an open order or dispensed supply', () => {
  it('shows the open order as a soft stop and saves only with a reason, which it sends', async () => {
    const api = mockApi({
      OrderFormTrial: withOrders(anOtherOrder('SUBMITTED')),
      CreateOrder: moved('createOrder', 'DRAFT', 1),
    });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    const finding = within(await findingsList()).getByRole('listitem');
    expect(finding.textContent).toContain('ORDER_ALREADY_OPEN');
    expect(finding.textContent).toContain('1 open order: submitted.');
    expect(within(finding).getByText('Soft stop')).toBeTruthy();
    expect(await saveButton()).toHaveProperty('disabled', true);

    typeInto(screen.getByLabelText('Reason to override order already open'), 'lost');
    expect(await saveButton()).toHaveProperty('disabled', true);
    typeInto(screen.getByLabelText('Reason to override order already open'), REASON);
    fireEvent.click(await saveButton());
    await waitFor(() => expect(api.callsOf('CreateOrder')).toHaveLength(1));
    expect(api.callsOf('CreateOrder')[0]?.variables.input).toMatchObject({
      overrides: [{ code: 'ORDER_ALREADY_OPEN', reason: REASON }],
    });
  });

  it.each([
    [28, 'ends the night before the first night', []],
    [29, 'covers the first night', ['ORDER_OVERLAPS_SUPPLY']],
  ])('finds dispensed supply of %i nights from 1 February that %s: %j', async (nights, _, codes) => {
    // The order's first night is the trial's start, 2099-03-01.
    mockApi({ OrderFormTrial: withOrders(anOtherOrder('DISPENSED', '2099-02-01', nights)) });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    await saveButton();
    const list = screen.queryByRole('list', { name: 'Before you save' });
    const shown =
      list === null
        ? []
        : within(list)
            .getAllByRole('code')
            .map((code) => code.textContent);
    expect(shown).toEqual(codes);
  });

  it('counts neither cancelled nor rejected orders', async () => {
    mockApi({ OrderFormTrial: withOrders(anOtherOrder('CANCELLED'), anOtherOrder('REJECTED')) });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    expect(await saveButton()).toHaveProperty('disabled', false);
    expect(screen.queryByRole('list', { name: 'Before you save' })).toBeNull();
  });

  it('shows a soft stop the API found (an order made meanwhile) with its own reason box', async () => {
    const api = mockApi({
      OrderFormTrial: withOrders(),
      CreateOrder: (_variables, call) =>
        call === 1
          ? {
              errors: [
                {
                  message: 'This needs an override with a reason: ORDER_ALREADY_OPEN.',
                  extensions: {
                    code: 'OVERRIDE_REQUIRED',
                    findings: [
                      {
                        code: 'ORDER_ALREADY_OPEN',
                        severity: 'SOFT_STOP',
                        message: 'The trial already has an open order. 1 open order: draft.',
                        evidence: [],
                      },
                    ],
                  },
                },
              ],
            }
          : moved('createOrder', 'DRAFT', 1),
    });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    fireEvent.click(await saveButton());
    const reason = await screen.findByLabelText('Reason to override order already open');
    expect(await saveButton()).toHaveProperty('disabled', true);
    typeInto(reason, REASON);
    fireEvent.click(await saveButton());
    await waitFor(() => expect(api.callsOf('CreateOrder')).toHaveLength(2));
    expect(api.callsOf('CreateOrder')[1]?.variables.input).toMatchObject({
      overrides: [{ code: 'ORDER_ALREADY_OPEN', reason: REASON }],
    });
  });
});

describe('an order written past a soft stop', () => {
  it('shows the reason, who gave it and when, to the clinician who signs it', async () => {
    const override = {
      __typename: 'Override',
      code: 'ORDER_OVERLAPS_SUPPLY',
      reason: REASON,
      givenBy: 'Casey Coordinator',
      givenAt: '2099-02-27T09:00:00.000Z',
    };
    mockApi({
      ClinicOrder: {
        data: { me: viewer('CLINICIAN'), order: anOrder('DRAFT', 1, { overrides: [override] }) },
      },
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    const overrides = within(await screen.findByRole('list', { name: 'Overrides' }));
    expect(overrides.getByRole('listitem').textContent).toContain(`Order overlaps supply: ${REASON}`);
    expect(overrides.getByRole('listitem').textContent).toContain('Casey Coordinator');
  });
});
