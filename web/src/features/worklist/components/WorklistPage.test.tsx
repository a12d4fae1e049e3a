import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/api-mock.ts';
import { me, renderSignedIn } from '../../../test/signed-in.tsx';
import { WorklistPage } from './WorklistPage.tsx';

/** A worklist item as the API answers it, routed to `actionableBy` and seen by someone who `waitsFor`. */
function anItem(code: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'WorklistItem',
    code,
    date: '2026-03-10',
    message: `${code} message`,
    orderId: null,
    medicationId: null,
    actionableBy: ['CLINICIAN'],
    waitsFor: null,
    inbox: false,
    preparedBy: null,
    preparedAt: null,
    trial: {
      __typename: 'Trial',
      id: `trial-${code}`,
      condition: 'FIBROMYALGIA',
      status: { __typename: 'TrialStatus', state: 'TITRATING' },
      patient: {
        __typename: 'Patient',
        id: `patient-${code}`,
        givenName: 'Ann',
        familyName: 'Lee',
        mrn: 'MRN-1',
      },
    },
    ...overrides,
  };
}

const draftToSign = (waitsFor: string | null) =>
  anItem('ORDER_AWAITING_SIGNATURE', {
    orderId: 'order-1',
    inbox: true,
    waitsFor,
    preparedBy: 'Casey Coordinator',
    preparedAt: '2026-03-10T14:30:00.000Z',
    message: 'Draft order prepared by Casey Coordinator: sign it and send it to the pharmacy.',
  });
const possibleOpioid = (waitsFor: string | null) =>
  anItem('POSSIBLE_OPIOID_REVIEW', { medicationId: 'medication-1', inbox: true, waitsFor });
const doseStep = (waitsFor: string | null) => anItem('DOSE_STEP_DUE', { waitsFor });
const heldTrial = () => anItem('TRIAL_ON_HOLD', { actionableBy: ['CLINICIAN', 'COORDINATOR'] });

const renderWorklist = (role: string, worklist: unknown[]) => {
  mockApi({ Me: me(role), Worklist: { data: { worklist } } });
  renderSignedIn(<WorklistPage />);
};

describe('the worklist', () => {
  it('puts a clinician’s drafts to sign and possible opioids in an inbox at the top, linked to act', async () => {
    renderWorklist('CLINICIAN', [doseStep(null), draftToSign(null), possibleOpioid(null)]);
    const inbox = within(await screen.findByRole('list', { name: 'Inbox items' }));
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Inbox',
      'The clinic’s work',
    ]);
    const [draft, opioid] = inbox.getAllByRole('listitem');
    expect(within(draft!).getByText('Draft to sign')).toBeTruthy();
    expect(draft?.textContent).toContain('Prepared by Casey Coordinator');
    expect(within(draft!).getByRole('link', { name: 'Open the draft to sign it' }).getAttribute('href')).toBe(
      '/orders/order-1',
    );
    expect(
      within(opioid!)
        .getByRole('link', { name: 'Review the medication on the patient record' })
        .getAttribute('href'),
    ).toBe('/patients/patient-POSSIBLE_OPIOID_REVIEW');
    const rest = within(screen.getByRole('list', { name: 'Worklist items' }));
    expect(rest.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByText(/Waits for a clinician/)).toBeNull();
  });

  it('shows a coordinator every item, marking what waits for a clinician, with links to look, not to act', async () => {
    renderWorklist('COORDINATOR', [
      draftToSign('CLINICIAN'),
      possibleOpioid('CLINICIAN'),
      doseStep('CLINICIAN'),
      heldTrial(),
    ]);
    const items = within(await screen.findByRole('list', { name: 'Worklist items' })).getAllByRole(
      'listitem',
    );
    expect(screen.queryByRole('list', { name: 'Inbox items' })).toBeNull();
    expect(items).toHaveLength(4);
    const waiting = items.filter((item) => within(item).queryByText('Waits for a clinician') !== null);
    expect(waiting).toHaveLength(3);
    expect(within(items[3]!).queryByText('Waits for a clinician')).toBeNull();
    expect(within(items[0]!).getByRole('link', { name: 'Open the order' })).toBeTruthy();
    expect(within(items[0]!).queryByRole('link', { name: /to sign/ })).toBeNull();
    expect(
      within(items[1]!).getByRole('link', { name: 'See the medication on the patient record' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps one list when nothing is in the viewer’s inbox', async () => {
    renderWorklist('CLINICIAN', [doseStep(null)]);
    await screen.findByRole('list', { name: 'Worklist items' });
    expect(screen.queryByRole('heading', { name: 'Inbox' })).toBeNull();
  });
});
