import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, mockApi } from '../../../test/api-mock.ts';
import { NewOrderPage } from './NewOrderPage.tsx';
import { aTrial, moved, orderFormAnswer, renderWithApi, typeInto } from './order-test-data.ts';

const formTrial = orderFormAnswer;

const previewRows = async () => {
  const table = await screen.findByRole('region', { name: 'Order lines preview' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
};

describe('the new order page', () => {
  it('previews the titration pack’s lines and directions from the trial’s schedule', async () => {
    mockApi({ OrderFormTrial: formTrial() });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    const rows = await previewRows();
    expect(rows.map((cells) => [cells[1], cells[4], cells[6]])).toEqual([
      ['1.5 mg', '14', 'Take one 1.5 mg capsule by mouth at bedtime for 14 nights'],
      ['3.0 mg', '14', 'Take one 3.0 mg capsule by mouth at bedtime for 14 nights'],
      ['4.5 mg', '30', 'Take one 4.5 mg capsule by mouth at bedtime'],
    ]);
    expect(screen.getByText(/3 lines, 58 nights in all/)).toBeTruthy();
  });

  it('recomputes the preview as the form changes (a liquid’s volume per night)', async () => {
    mockApi({ OrderFormTrial: formTrial() });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    await previewRows();
    fireEvent.change(screen.getByLabelText('Formulation'), { target: { value: 'ORAL_SOLUTION' } });
    typeInto(screen.getByLabelText('Liquid strength (mg/mL)'), '0.5');
    const rows = await previewRows();
    expect(rows[0]?.[6]).toBe('Take 3 mL (1.5 mg) by mouth at bedtime for 14 nights');
    expect(rows[0]?.[3]).toBe('42 mL');
  });

  it('refuses a single strength above 4.5 mg before the server is asked, with the finding', async () => {
    const api = mockApi({ OrderFormTrial: formTrial() });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    fireEvent.click(await screen.findByLabelText('Single strength'));
    typeInto(screen.getByLabelText('Nightly dose (mg)'), '5.0');
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain('The dose rules refuse this order');
    expect(refusal.textContent).toContain('DOSE_ABOVE_MAXIMUM');
    expect(refusal.textContent).toContain('the maximum is 4.5 mg');
    expect(within(refusal).getByText('Evidence [1][5]')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save draft order' });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.submit(save.closest('form') as HTMLFormElement);
    expect(api.callsOf('CreateOrder')).toHaveLength(0);
  });

  it('creates one order on a double click, with one idempotency key, and opens it', async () => {
    const api = mockApi({ OrderFormTrial: formTrial(), CreateOrder: moved('createOrder', 'DRAFT', 1) });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    const save = await screen.findByRole('button', { name: 'Save draft order' });
    fireEvent.click(save);
    fireEvent.click(save);
    await waitFor(() => expect(window.location.pathname).toBe('/orders/order-1'));
    const keys = new Set(api.callsOf('CreateOrder').map((call) => call.variables.idempotencyKey));
    expect(keys.size).toBe(1);
    expect(api.callsOf('CreateOrder')[0]?.variables).toMatchObject({
      trialId: 'trial-1',
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      input: {
        kind: 'TITRATION_PACK',
        formulation: 'CAPSULE',
        daysSupply: 30,
        fromDate: '2099-03-01',
        refills: 0,
        payment: 'SELF_PAY',
        delivery: 'SHIP',
        shipTo: { line1: '1 Main St', city: 'Springfield', region: 'OR', postalCode: '97477' },
      },
    });
  });

  it('offers the clinic’s pharmacies with the default chosen, and sends the one picked', async () => {
    const api = mockApi({ OrderFormTrial: formTrial(), CreateOrder: moved('createOrder', 'DRAFT', 1) });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    const select = (await screen.findByLabelText('Pharmacy')) as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'CareRx Compounding, Springfield (default)',
      'Apex Compounding',
    ]);
    expect(select.value).toBe('pharmacy-1');
    fireEvent.change(select, { target: { value: 'pharmacy-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft order' }));
    await waitFor(() => expect(api.callsOf('CreateOrder')).toHaveLength(1));
    expect(api.callsOf('CreateOrder')[0]?.variables.input).toMatchObject({ pharmacyId: 'pharmacy-2' });
  });

  it('asks for a pharmacy when the clinic has no default', async () => {
    mockApi({ OrderFormTrial: formTrial('CLINICIAN', aTrial(), []) });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    const select = (await screen.findByLabelText('Pharmacy')) as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['Choose a pharmacy']);
    expect(screen.getByText(/no default pharmacy; the network administrator sets/)).toBeTruthy();
  });

  it('retries with the same key after a failure, so a lost answer cannot make two orders', async () => {
    const api = mockApi({
      OrderFormTrial: formTrial(),
      CreateOrder: (_variables, call) =>
        call === 1
          ? apiError('BAD_USER_INPUT', 'The clinic may not send orders to this pharmacy.')
          : moved('createOrder', 'DRAFT', 1),
    });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    fireEvent.change(await screen.findByLabelText('Pharmacy'), { target: { value: 'pharmacy-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft order' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Some of what was entered is not valid. The clinic may not send orders to this pharmacy.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save draft order' }));
    await waitFor(() => expect(window.location.pathname).toBe('/orders/order-1'));
    const [first, second] = api.callsOf('CreateOrder');
    expect(first?.variables.idempotencyKey).toBe(second?.variables.idempotencyKey);
    expect(first?.variables.input).toMatchObject({ pharmacyId: 'pharmacy-1' });
  });

  it('shows the server’s RULE_VIOLATION findings with their evidence', async () => {
    mockApi({
      OrderFormTrial: formTrial(),
      CreateOrder: {
        errors: [
          {
            message: 'The nightly dose is above the 4.5 mg LDN maximum.',
            extensions: {
              code: 'RULE_VIOLATION',
              findings: [
                {
                  code: 'DOSE_ABOVE_MAXIMUM',
                  severity: 'HARD_STOP',
                  message: 'Above 4.5 mg.',
                  evidence: ['1'],
                },
              ],
            },
          },
        ],
      } as never,
    });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save draft order' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The clinical rules do not allow this.');
    expect(alert.textContent).toContain('DOSE_ABOVE_MAXIMUM: Above 4.5 mg.');
    expect(within(alert).getByText('Evidence [1]')).toBeTruthy();
  });

  it('tells a coordinator that a clinician signs and submits the draft', async () => {
    mockApi({ OrderFormTrial: formTrial('COORDINATOR') });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    expect(await screen.findByText(/a clinician signs and submits it/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save draft order' })).toHaveProperty('disabled', false);
  });

  it('offers no form while the trial is on hold', async () => {
    mockApi({ OrderFormTrial: formTrial('CLINICIAN', aTrial({ state: 'ON_HOLD' })) });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'No order can be made while the trial is on hold.',
    );
    expect(screen.queryByRole('button', { name: 'Save draft order' })).toBeNull();
  });

  it('asks for an address before shipping', async () => {
    const patient = { ...aTrial().patient, addressLine1: null, city: null, postalCode: null };
    mockApi({ OrderFormTrial: formTrial('CLINICIAN', aTrial({ patient })) });
    renderWithApi(<NewOrderPage trialId="trial-1" />);
    expect(await screen.findByText(/A shipped order needs an address/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save draft order' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByLabelText('Pick up at the pharmacy'));
    expect(screen.getByRole('button', { name: 'Save draft order' })).toHaveProperty('disabled', false);
  });
});
