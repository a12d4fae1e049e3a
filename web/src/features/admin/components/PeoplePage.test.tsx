import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { mockApi } from '../../../test/api-mock.ts';
import { PeoplePage } from './PeoplePage.tsx';

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
    expect(within(sam).queryByRole('button')).toBeNull();
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
