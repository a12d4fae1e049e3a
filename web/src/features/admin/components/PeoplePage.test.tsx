import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { mockApi } from '../../../test/api-mock.ts';
import { PeoplePage } from './PeoplePage.tsx';

/** A BAD_USER_INPUT answer on one field, as the API words it. */
const badInput = (field: string, message: string) => ({
  errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }],
});

const CLINIC = {
  __typename: 'ManagedOrganisation',
  id: 'org-clinic',
  name: 'Riverside Pain Clinic',
  kind: 'CLINIC',
  active: true,
};
const PHARMACY = {
  __typename: 'ManagedOrganisation',
  id: 'org-pharmacy',
  name: 'CareRx Compounding Pharmacy',
  kind: 'PHARMACY',
  active: true,
};

/** A person as the people query returns them. */
function aPerson(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Person',
    id: 'person-1',
    name: 'Priya Raman',
    email: 'clinician@riverside.demo',
    role: 'CLINICIAN',
    npi: '1234567893',
    active: true,
    invitationPending: false,
    organisation: {
      __typename: 'Organisation',
      id: 'org-clinic',
      name: 'Riverside Pain Clinic',
      kind: 'CLINIC',
    },
    ...overrides,
  };
}

function renderPeoplePage() {
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <RouterProvider>
      <Provider value={client}>
        <PeoplePage />
      </Provider>
    </RouterProvider>,
  );
}

describe('the people page', () => {
  it('lists people with their organisation and whether they can sign in', async () => {
    mockApi({
      Organisations: { data: { organisations: [CLINIC, PHARMACY] } },
      People: {
        data: {
          people: [
            aPerson(),
            aPerson({
              id: 'person-2',
              name: 'Robin Okafor',
              email: 'robin@carerx.demo',
              role: 'PHARMACIST',
              npi: null,
              invitationPending: true,
              organisation: {
                __typename: 'Organisation',
                id: 'org-pharmacy',
                name: 'CareRx Compounding Pharmacy',
                kind: 'PHARMACY',
              },
            }),
            aPerson({ id: 'person-3', name: 'Sam Old', email: 'sam@riverside.demo', active: false }),
          ],
        },
      },
    });
    renderPeoplePage();
    const robin = await screen.findByRole('row', { name: /Robin Okafor/ });
    expect(robin.textContent).toContain('Invitation pending');
    expect(screen.getByRole('row', { name: /Priya Raman/ }).textContent).toContain('Active');
    const sam = screen.getByRole('row', { name: /Sam Old/ });
    expect(sam.textContent).toContain('Deactivated');
    expect(within(sam).getAllByRole('button')).toEqual([
      within(sam).getByRole('button', { name: 'Reactivate Sam Old' }),
    ]);
    // A pharmacy has one role: nothing to change it to.
    expect(within(robin).queryByRole('button', { name: /Change role/ })).toBeNull();
  });

  it('offers the roles of the organisation chosen and asks an NPI of clinicians only', async () => {
    mockApi({
      Organisations: { data: { organisations: [CLINIC, PHARMACY] } },
      People: { data: { people: [] } },
    });
    renderPeoplePage();
    const organisation = await screen.findByLabelText('Organisation');
    fireEvent.change(organisation, { target: { value: 'org-pharmacy' } });
    const roles = within(screen.getByLabelText('Role')).getAllByRole('option');
    expect(roles.map((option) => option.textContent)).toEqual(['Pharmacist']);
    expect(screen.queryByLabelText('NPI')).toBeNull();

    fireEvent.change(organisation, { target: { value: 'org-clinic' } });
    expect(
      within(screen.getByLabelText('Role'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Clinician', 'Coordinator']);
    expect(screen.getByLabelText('NPI')).toBeTruthy();
  });

  it('invites, then shows the one-time link as a full address', async () => {
    const api = mockApi({
      Organisations: { data: { organisations: [CLINIC, PHARMACY] } },
      People: { data: { people: [] } },
      InvitePerson: {
        data: {
          invitePerson: {
            __typename: 'PersonLink',
            link: '/accept-invitation?token=t0k3n',
            expiresAt: '2026-03-08T10:00:00.000Z',
            person: aPerson({
              id: 'person-9',
              name: 'Robin Okafor',
              role: 'PHARMACIST',
              npi: null,
              invitationPending: true,
            }),
          },
        },
      },
    });
    renderPeoplePage();
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: ' robin@carerx.demo ' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Robin Okafor' } });
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: 'org-pharmacy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));

    const link = await screen.findByLabelText('Invitation link');
    expect(link).toHaveProperty('value', `${window.location.origin}/accept-invitation?token=t0k3n`);
    expect(api.callsOf('InvitePerson')[0]?.variables).toEqual({
      input: {
        email: 'robin@carerx.demo',
        name: 'Robin Okafor',
        organisationId: 'org-pharmacy',
        role: 'PHARMACIST',
      },
    });
  });
});

describe('managing a person', () => {
  const coordinator = aPerson({
    id: 'person-5',
    name: 'Casey Lin',
    email: 'casey@riverside.demo',
    role: 'COORDINATOR',
    npi: null,
  });

  it('refuses an NPI with a wrong check digit in the browser, before asking the server', async () => {
    const api = mockApi({
      Organisations: { data: { organisations: [CLINIC, PHARMACY] } },
      People: { data: { people: [] } },
    });
    renderPeoplePage();
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'new@riverside.demo' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'New Clinician' } });
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: 'org-clinic' } });
    fireEvent.change(screen.getByLabelText('NPI'), { target: { value: '1234567890' } });
    expect((await screen.findByRole('alert')).textContent).toContain('check digit');
    expect(screen.getByLabelText('NPI').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(api.callsOf('InvitePerson')).toHaveLength(0);
  });

  it('changes a coordinator into a clinician with an NPI', async () => {
    const api = mockApi({
      Organisations: { data: { organisations: [CLINIC, PHARMACY] } },
      People: { data: { people: [coordinator] } },
      ChangeRole: {
        data: { changeRole: { __typename: 'Person', id: 'person-5', role: 'CLINICIAN', npi: '1234567893' } },
      },
    });
    renderPeoplePage();
    fireEvent.click(await screen.findByRole('button', { name: 'Change role of Casey Lin' }));
    const form = screen.getByRole('form', { name: 'Change role of Casey Lin' });
    expect(within(form).getByLabelText('New role')).toHaveProperty('value', 'CLINICIAN');
    fireEvent.change(within(form).getByLabelText('NPI'), { target: { value: '1234567893' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Change role' }));
    await vi.waitFor(() => expect(api.callsOf('ChangeRole')).toHaveLength(1));
    expect(api.callsOf('ChangeRole')[0]?.variables).toEqual({
      userId: 'person-5',
      role: 'CLINICIAN',
      npi: '1234567893',
    });
  });

  it('shows the API refusing a role change beside the field', async () => {
    mockApi({
      Organisations: { data: { organisations: [CLINIC, PHARMACY] } },
      People: { data: { people: [coordinator] } },
      ChangeRole: badInput('npi', 'A clinician needs a 10-digit NPI with a valid check digit.'),
    });
    renderPeoplePage();
    fireEvent.click(await screen.findByRole('button', { name: 'Change role of Casey Lin' }));
    fireEvent.change(screen.getByLabelText('NPI'), { target: { value: '1234567893' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change role' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A clinician needs a 10-digit NPI with a valid check digit.',
    );
    expect(screen.getByLabelText('NPI').getAttribute('aria-invalid')).toBe('true');
  });

  it('creates a password reset link and shows it once as a full address', async () => {
    const api = mockApi({
      Organisations: { data: { organisations: [CLINIC, PHARMACY] } },
      People: { data: { people: [coordinator] } },
      ResetPasswordLink: {
        data: {
          resetPasswordLink: {
            __typename: 'PersonLink',
            link: '/reset-password?token=r3s3t',
            expiresAt: '2026-03-02T10:00:00.000Z',
            person: { __typename: 'Person', id: 'person-5', name: 'Casey Lin' },
          },
        },
      },
    });
    renderPeoplePage();
    fireEvent.click(await screen.findByRole('button', { name: 'Reset link for Casey Lin' }));
    const link = await screen.findByLabelText('Password reset link');
    expect(link).toHaveProperty('value', `${window.location.origin}/reset-password?token=r3s3t`);
    expect(screen.getByText(/A password reset link for Casey Lin is ready/)).toBeTruthy();
    expect(api.callsOf('ResetPasswordLink')[0]?.variables).toEqual({ userId: 'person-5' });
  });

  it('reactivates a deactivated person', async () => {
    const api = mockApi({
      Organisations: { data: { organisations: [CLINIC, PHARMACY] } },
      People: { data: { people: [{ ...coordinator, active: false }] } },
      ReactivatePerson: {
        data: {
          reactivatePerson: { __typename: 'Person', id: 'person-5', active: true, invitationPending: false },
        },
      },
    });
    renderPeoplePage();
    fireEvent.click(await screen.findByRole('button', { name: 'Reactivate Casey Lin' }));
    await vi.waitFor(() => expect(api.callsOf('ReactivatePerson')).toHaveLength(1));
    expect(api.callsOf('ReactivatePerson')[0]?.variables).toEqual({ userId: 'person-5' });
  });
});
