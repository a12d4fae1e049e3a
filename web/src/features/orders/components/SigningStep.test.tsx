import { ageInYears, ORDER_SIGNATURE_MEANING } from '@ldn/rules';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localToday } from '../../../lib/dates.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { apiError, mockApi } from '../../../test/api-mock.ts';
import { ClinicOrderPage } from './ClinicOrderPage.tsx';
import { anOrder, aSignature, moved, renderWithApi, typeInto, viewer } from './order-test-data.ts';

const orderAnswer = (order: ReturnType<typeof anOrder>, role: 'CLINICIAN' | 'COORDINATOR' = 'CLINICIAN') => ({
  data: { me: viewer(role), order },
});

/** Opens the signing step of a DRAFT order; the step's region. */
async function openSigningStep() {
  fireEvent.click(await screen.findByRole('button', { name: 'Sign and submit to the pharmacy' }));
  return screen.findByRole('region', { name: 'Sign the order' });
}

const passwordField = () => screen.getByLabelText('Your password') as HTMLInputElement;

describe('signing an order', () => {
  it('shows what is signed, for whom and what the signature means before asking for the password', async () => {
    mockApi({ ClinicOrder: orderAnswer(anOrder('DRAFT', 1)) });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    const step = await openSigningStep();
    const patient = within(step).getByRole('region', { name: 'Patient identification' });
    expect(patient.textContent).toContain('Ann Lee');
    expect(patient.textContent).toContain(`2 Jan 1970 (${ageInYears('1970-01-02', localToday())} years)`);
    expect(patient.textContent).toContain('MRN-1');
    expect(step.textContent).toContain('Titration pack · Capsule');
    expect(step.textContent).toContain('CareRx Compounding');
    expect(within(step).getByRole('region', { name: 'Lines to sign' }).textContent).toContain(
      'Take one 1.5 mg capsule by mouth at bedtime for 14 nights',
    );
    expect(step.textContent).toContain(`Your signature means: ${ORDER_SIGNATURE_MEANING}`);
    const password = passwordField();
    expect(password.type).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    expect(document.activeElement).toBe(password);
    expect(within(step).getByRole('button', { name: 'Sign' })).toHaveProperty('disabled', true);
  });

  it('keeps the step open on a wrong password, says so beside the field, and signs with the same key next time', async () => {
    const api = mockApi({
      ClinicOrder: (_variables, call) =>
        orderAnswer(call === 1 ? anOrder('DRAFT', 1) : anOrder('SUBMITTED', 2)),
      SubmitOrder: (_variables, call) =>
        call === 1
          ? apiError('SIGNATURE_INVALID', 'The password is not right; the order was not signed.')
          : moved('submitOrder', 'SUBMITTED', 2),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    await openSigningStep();
    typeInto(passwordField(), 'a wrong one');
    fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The password is not right; the order was not signed.',
    );
    expect(passwordField().value).toBe('');
    expect(passwordField().getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(passwordField()));

    typeInto(passwordField(), 'the right one');
    fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(api.callsOf('ClinicOrder')).toHaveLength(2));
    const [refused, signed] = api.callsOf('SubmitOrder').map((call) => call.variables.input) as Array<
      Record<string, unknown>
    >;
    expect(refused).toMatchObject({ password: 'a wrong one' });
    expect(signed).toMatchObject({ password: 'the right one', idempotencyKey: refused?.idempotencyKey });
  });

  it('says to wait when the wrong passwords are too many', async () => {
    mockApi({
      ClinicOrder: orderAnswer(anOrder('DRAFT', 1)),
      SubmitOrder: apiError('TOO_MANY_REQUESTS', 'Too many wrong passwords.'),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    await openSigningStep();
    typeInto(passwordField(), 'another guess');
    fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many wrong passwords. Wait a few minutes, then sign again.',
    );
    expect(screen.getByRole('region', { name: 'Sign the order' })).toBeTruthy();
  });

  it('sends nothing when the clinician cancels the step', async () => {
    const api = mockApi({ ClinicOrder: orderAnswer(anOrder('DRAFT', 1)) });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    await openSigningStep();
    typeInto(passwordField(), 'typed then left');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Sign the order' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign and submit to the pharmacy' })).toBeTruthy();
    expect(api.callsOf('SubmitOrder')).toHaveLength(0);
  });

  it('shows a signed order as signed by whom, when, and with what meaning', async () => {
    mockApi({ ClinicOrder: orderAnswer(anOrder('SUBMITTED', 2), 'COORDINATOR') });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    expect(
      await screen.findByText(
        (_content, element) =>
          element?.tagName === 'P' &&
          element.textContent ===
            `Signed by Dr. Priya Raman on ${formatDateTime('2099-03-01T10:00:00.000Z')} — ${ORDER_SIGNATURE_MEANING}`,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns when the order no longer reads as it was signed', async () => {
    mockApi({
      ClinicOrder: orderAnswer(anOrder('SUBMITTED', 2, { signature: aSignature({ matchesOrder: false }) })),
    });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This order no longer reads as it was signed',
    );
  });

  it('says an order sent before signatures were recorded has none on file', async () => {
    mockApi({ ClinicOrder: orderAnswer(anOrder('RECEIVED', 3, { signature: null })) });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    expect(await screen.findByText(/Sent before electronic signatures were recorded/)).toBeTruthy();
  });

  it('names the patient by name, date of birth with age, and MRN at the top of the order', async () => {
    mockApi({ ClinicOrder: orderAnswer(anOrder('DRAFT', 1), 'COORDINATOR') });
    renderWithApi(<ClinicOrderPage orderId="order-1" />);
    const banner = await screen.findByRole('region', { name: 'Patient identification' });
    expect(within(banner).getByText('Ann Lee')).toBeTruthy();
    expect(within(banner).getByText(/^2 Jan 1970 \(\d+ years\)$/)).toBeTruthy();
    expect(within(banner).getByText('MRN-1')).toBeTruthy();
  });
});
