import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { apiError, mockApi } from '../../../test/api-mock.ts';
import { OrganisationsPage } from './OrganisationsPage.tsx';

/** A BAD_USER_INPUT answer on one field, as the API words it. */
const badInput = (field: string, message: string) => ({
  errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }],
});

const brief = (id: string, name: string) => ({ __typename: 'Organisation', id, name });

/** An organisation as the organisations query returns it. */
function anOrganisation(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ManagedOrganisation',
    id: 'org-pharmacy',
    kind: 'PHARMACY',
    name: 'CareRx Compounding Pharmacy',
    addressLine1: '12 Mill Street',
    addressLine2: null,
    city: 'Springfield',
    region: 'IL',
    postalCode: '62701',
    phone: '217-555-0100',
    licenceNumber: 'IL-PH-0042',
    defaultPharmacy: null,
    allowedPharmacies: [],
    active: true,
    version: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

const PHARMACY = anOrganisation();
const SECOND_PHARMACY = anOrganisation({
  id: 'org-pharmacy-2',
  name: 'Northside Compounding',
  licenceNumber: 'IL-PH-7',
});
const CLINIC = anOrganisation({
  id: 'org-clinic',
  kind: 'CLINIC',
  name: 'Riverside Pain Clinic',
  licenceNumber: null,
  defaultPharmacy: brief('org-pharmacy', 'CareRx Compounding Pharmacy'),
  allowedPharmacies: [brief('org-pharmacy', 'CareRx Compounding Pharmacy')],
});
const NETWORK = anOrganisation({ id: 'org-network', kind: 'NETWORK', name: 'Network administration' });

function renderOrganisationsPage() {
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <RouterProvider>
      <Provider value={client}>
        <OrganisationsPage />
      </Provider>
    </RouterProvider>,
  );
}

describe('the organisations page', () => {
  it('lists pharmacies with their licence and clinics with their pharmacies, not the network', async () => {
    mockApi({ ManagedOrganisations: { data: { organisations: [PHARMACY, CLINIC, NETWORK] } } });
    renderOrganisationsPage();
    const pharmacies = await screen.findByRole('region', { name: 'Pharmacy list' });
    const pharmacy = within(pharmacies).getByRole('row', { name: /CareRx Compounding Pharmacy/ });
    expect(pharmacy.textContent).toContain('IL-PH-0042');
    expect(pharmacy.textContent).toContain('12 Mill Street, Springfield, IL 62701');
    const clinic = within(screen.getByRole('region', { name: 'Clinic list' })).getByRole('row', {
      name: /Riverside Pain Clinic/,
    });
    expect(clinic.textContent).toContain('CareRx Compounding Pharmacy');
    expect(screen.queryByText('Network administration')).toBeNull();
  });

  it('asks a pharmacy for its licence number before asking the server', async () => {
    const api = mockApi({ ManagedOrganisations: { data: { organisations: [] } } });
    renderOrganisationsPage();
    const form = await screen.findByRole('form', { name: 'Add an organisation' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Lakeside Pharmacy' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add pharmacy' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      "Enter the pharmacy's state board licence number.",
    );
    expect(api.callsOf('CreateOrganisation')).toHaveLength(0);
  });

  it('adds a clinic with its allowed pharmacies and default', async () => {
    const api = mockApi({
      ManagedOrganisations: { data: { organisations: [PHARMACY, SECOND_PHARMACY] } },
      CreateOrganisation: {
        data: {
          createOrganisation: {
            __typename: 'ManagedOrganisation',
            id: 'org-new',
            kind: 'CLINIC',
            name: 'Lakeside Clinic',
            version: 'v1',
          },
        },
      },
    });
    renderOrganisationsPage();
    const form = await screen.findByRole('form', { name: 'Add an organisation' });
    fireEvent.click(within(form).getByLabelText('Clinic'));
    expect(within(form).queryByLabelText('Licence number')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: ' Lakeside Clinic ' } });
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: '217-555-0199' } });
    fireEvent.click(within(form).getByLabelText('Northside Compounding'));
    fireEvent.click(within(form).getByLabelText('CareRx Compounding Pharmacy'));
    // The first pharmacy allowed becomes the default; another allowed one can be chosen.
    expect(within(form).getByLabelText('Default pharmacy')).toHaveProperty('value', 'org-pharmacy-2');
    fireEvent.change(within(form).getByLabelText('Default pharmacy'), { target: { value: 'org-pharmacy' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add clinic' }));
    expect(await within(form).findByText('Lakeside Clinic is added.')).toBeTruthy();
    expect(api.callsOf('CreateOrganisation')[0]?.variables).toEqual({
      input: {
        kind: 'CLINIC',
        name: 'Lakeside Clinic',
        addressLine1: '',
        addressLine2: '',
        city: '',
        region: '',
        postalCode: '',
        phone: '217-555-0199',
        allowedPharmacyIds: ['org-pharmacy-2', 'org-pharmacy'],
        defaultPharmacyId: 'org-pharmacy',
      },
    });
  });

  it('unchecking the default pharmacy leaves no default that is not allowed', async () => {
    mockApi({ ManagedOrganisations: { data: { organisations: [PHARMACY, SECOND_PHARMACY, CLINIC] } } });
    renderOrganisationsPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Riverside Pain Clinic' }));
    const form = screen.getByRole('form', { name: 'Edit Riverside Pain Clinic' });
    expect(within(form).getByLabelText('Default pharmacy')).toHaveProperty('value', 'org-pharmacy');
    fireEvent.click(within(form).getByLabelText('CareRx Compounding Pharmacy'));
    expect(within(form).getByLabelText('Default pharmacy')).toHaveProperty('value', '');
    expect(within(form).getByLabelText('Default pharmacy')).toHaveProperty('disabled', true);
  });

  it('edits against the version shown and shows the API refusing a field beside it', async () => {
    const api = mockApi({
      ManagedOrganisations: { data: { organisations: [PHARMACY, SECOND_PHARMACY, CLINIC] } },
      UpdateOrganisation: badInput(
        'defaultPharmacyId',
        'The default pharmacy must be one of the allowed pharmacies.',
      ),
    });
    renderOrganisationsPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Riverside Pain Clinic' }));
    const form = screen.getByRole('form', { name: 'Edit Riverside Pain Clinic' });
    fireEvent.click(within(form).getByLabelText('Northside Compounding'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'The default pharmacy must be one of the allowed pharmacies.',
    );
    expect(within(form).getByLabelText('Default pharmacy').getAttribute('aria-invalid')).toBe('true');
    const sent = api.callsOf('UpdateOrganisation')[0]?.variables;
    expect(sent).toMatchObject({
      id: 'org-clinic',
      version: '2026-03-01T10:00:00.000Z',
      input: { allowedPharmacyIds: ['org-pharmacy', 'org-pharmacy-2'], defaultPharmacyId: 'org-pharmacy' },
    });
    expect(sent?.input).not.toHaveProperty('licenceNumber');
  });

  it('on CONFLICT reloads the organisation and says someone else changed it', async () => {
    const renamed = { ...CLINIC, name: 'Riverside Pain Centre', version: '2026-03-01T11:00:00.000Z' };
    const api = mockApi({
      ManagedOrganisations: (_variables, call) => ({
        data: { organisations: [PHARMACY, call === 1 ? CLINIC : renamed] },
      }),
      UpdateOrganisation: apiError('CONFLICT'),
    });
    renderOrganisationsPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Riverside Pain Clinic' }));
    const editing = screen.getByRole('form', { name: 'Edit Riverside Pain Clinic' });
    fireEvent.change(within(editing).getByLabelText('Phone'), { target: { value: '217-555-0111' } });
    fireEvent.click(within(editing).getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Someone else changed this organisation',
    );
    // The form starts again from what is saved now, at the new version.
    const form = await screen.findByRole('form', { name: 'Edit Riverside Pain Centre' });
    expect(within(form).getByLabelText('Name')).toHaveProperty('value', 'Riverside Pain Centre');
    expect(within(form).getByLabelText('Phone')).toHaveProperty('value', '217-555-0100');
    await vi.waitFor(() => expect(api.callsOf('ManagedOrganisations').length).toBeGreaterThan(1));
  });
});
