import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { mockApi } from '../../../test/api-mock.ts';
import { AuditLogPage } from './AuditLogPage.tsx';

const ORGANISATION = {
  __typename: 'ManagedOrganisation',
  id: 'org-clinic',
  name: 'Riverside Pain Clinic',
  kind: 'CLINIC',
  active: true,
};
const PERSON = {
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
};

const ACTIONS = { data: { auditActions: ['LIST', 'READ', 'SIGN_IN'] } };

/** One audit entry as the API answers it. */
function anEntry(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'AuditEntryEdge',
    cursor: `c${id}`,
    node: {
      __typename: 'AuditEntry',
      id,
      at: '2026-03-01T10:00:00.000Z',
      actorId: 'person-1',
      actorName: 'Priya Raman',
      patientLinkId: null,
      organisationId: 'org-clinic',
      organisationName: 'Riverside Pain Clinic',
      action: 'READ',
      entity: 'Patient',
      entityId: `patient-${id}`,
      entityIds: [],
      requestId: `req-${id}`,
      ...overrides,
    },
  };
}

const page = (edges: unknown[], hasNextPage: boolean, endCursor: string | null) => ({
  data: {
    auditLog: {
      __typename: 'AuditEntryConnection',
      edges,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
    },
  },
});

function renderAuditLogPage() {
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <RouterProvider>
      <Provider value={client}>
        <AuditLogPage />
      </Provider>
    </RouterProvider>,
  );
}

describe('the audit log page', () => {
  it('shows who did what to which record, by id', async () => {
    mockApi({
      People: { data: { people: [PERSON] } },
      Organisations: { data: { organisations: [ORGANISATION] } },
      AuditActions: ACTIONS,
      AuditLog: page(
        [anEntry('7'), anEntry('6', { actorId: null, actorName: null, action: 'INVITE' })],
        false,
        'c6',
      ),
    });
    renderAuditLogPage();
    const row = await screen.findByRole('row', { name: /patient-7/ });
    expect(row.textContent).toContain('Priya Raman opened a patient');
    expect(row.textContent).toContain('READ');
    expect(row.textContent).toContain('Riverside Pain Clinic');
    expect(screen.getByRole('row', { name: /patient-6/ }).textContent).toContain(
      'The system invited a patient',
    );
  });

  it('shows a LIST row as the number of records it names, their ids on request', async () => {
    mockApi({
      People: { data: { people: [PERSON] } },
      Organisations: { data: { organisations: [ORGANISATION] } },
      AuditActions: ACTIONS,
      AuditLog: page(
        [anEntry('8', { action: 'LIST', entityId: null, entityIds: ['patient-a', 'patient-b'] })],
        false,
        'c8',
      ),
    });
    renderAuditLogPage();
    const row = await screen.findByRole('row', { name: /LIST/ });
    expect(within(row).getByText('2 records')).toBeTruthy();
    expect(row.textContent).toContain('patient-a');
    expect(row.textContent).toContain('patient-b');
  });

  it('filters by person, action and a period whose last day is included', async () => {
    const api = mockApi({
      People: { data: { people: [PERSON] } },
      Organisations: { data: { organisations: [ORGANISATION] } },
      AuditActions: ACTIONS,
      AuditLog: page([anEntry('7')], false, 'c7'),
    });
    renderAuditLogPage();
    const form = await screen.findByRole('form', { name: 'Filter the audit log' });
    await within(form).findByRole('option', { name: /Priya Raman/ });
    fireEvent.change(within(form).getByLabelText('Person'), { target: { value: 'person-1' } });
    await within(form).findByRole('option', { name: 'READ' });
    fireEvent.change(within(form).getByLabelText('Action'), { target: { value: 'READ' } });
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(within(form).getByLabelText('To (included)'), { target: { value: '2026-03-31' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Show' }));
    await vi.waitFor(() => expect(api.callsOf('AuditLog')).toHaveLength(2));
    expect(api.callsOf('AuditLog')[1]?.variables).toEqual({
      filter: {
        actorId: 'person-1',
        action: 'READ',
        from: new Date('2026-03-01T00:00:00').toISOString(),
        to: new Date('2026-04-01T00:00:00').toISOString(),
      },
      first: 50,
      after: null,
    });
  });

  it('refuses a period that ends before it starts', async () => {
    const api = mockApi({
      People: { data: { people: [PERSON] } },
      Organisations: { data: { organisations: [ORGANISATION] } },
      AuditActions: ACTIONS,
      AuditLog: page([], false, null),
    });
    renderAuditLogPage();
    expect(await screen.findByText('No entries match these filters.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-10' } });
    fireEvent.change(screen.getByLabelText('To (included)'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The last day is before the first day.');
    expect(api.callsOf('AuditLog')).toHaveLength(1);
  });

  it('pages older with the cursor the API gave, and back to newer', async () => {
    const api = mockApi({
      People: { data: { people: [PERSON] } },
      Organisations: { data: { organisations: [ORGANISATION] } },
      AuditActions: ACTIONS,
      AuditLog: (variables) =>
        variables.after === 'c7' ? page([anEntry('6')], false, 'c6') : page([anEntry('7')], true, 'c7'),
    });
    renderAuditLogPage();
    await screen.findByRole('row', { name: /patient-7/ });
    expect(screen.getByRole('button', { name: 'Newer entries' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Older entries' }));
    await screen.findByRole('row', { name: /patient-6/ });
    expect(api.callsOf('AuditLog').at(-1)?.variables).toMatchObject({ after: 'c7' });
    expect(screen.getByText('Page 2')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Older entries' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Newer entries' }));
    await screen.findByRole('row', { name: /patient-7/ });
  });

  it('searches by a patient’s clinic and MRN, and says which patient each row is about', async () => {
    const api = mockApi({
      People: { data: { people: [PERSON] } },
      Organisations: { data: { organisations: [ORGANISATION] } },
      AuditActions: ACTIONS,
      AuditLog: (variables) =>
        variables.filter === undefined || Object.keys(variables.filter as object).length === 0
          ? page([], false, null)
          : page([anEntry('9', { entity: 'Trial', entityId: 'trial-9' })], false, 'c9'),
    });
    renderAuditLogPage();
    const form = await screen.findByRole('form', { name: 'Filter the audit log' });
    const clinic = within(form).getByLabelText("Patient's clinic");
    await within(clinic).findByRole('option', { name: 'Riverside Pain Clinic' });
    fireEvent.change(clinic, { target: { value: 'org-clinic' } });
    fireEvent.change(within(form).getByLabelText("Patient's MRN"), { target: { value: ' MRN-0042 ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Show' }));
    const row = await screen.findByRole('row', { name: /trial-9/ });
    expect(row.textContent).toContain('Priya Raman opened the trial of patient MRN-0042');
    expect(api.callsOf('AuditLog').at(-1)?.variables).toMatchObject({
      filter: { patient: { clinicId: 'org-clinic', mrn: 'MRN-0042' } },
    });
  });

  it('asks for the clinic of an MRN before searching', async () => {
    const api = mockApi({
      People: { data: { people: [PERSON] } },
      Organisations: { data: { organisations: [ORGANISATION] } },
      AuditActions: ACTIONS,
      AuditLog: page([], false, null),
    });
    renderAuditLogPage();
    const form = await screen.findByRole('form', { name: 'Filter the audit log' });
    fireEvent.change(within(form).getByLabelText("Patient's MRN"), { target: { value: 'MRN-0042' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Show' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose the clinic of this MRN.');
    expect(api.callsOf('AuditLog')).toHaveLength(1);
  });

  it('filters by a kind of record and its id', async () => {
    const api = mockApi({
      People: { data: { people: [PERSON] } },
      Organisations: { data: { organisations: [ORGANISATION] } },
      AuditActions: ACTIONS,
      AuditLog: page([], false, null),
    });
    renderAuditLogPage();
    const form = await screen.findByRole('form', { name: 'Filter the audit log' });
    fireEvent.change(within(form).getByLabelText('Kind of record'), { target: { value: 'Order' } });
    fireEvent.change(within(form).getByLabelText('Record id'), { target: { value: 'order-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Show' }));
    await vi.waitFor(() => expect(api.callsOf('AuditLog')).toHaveLength(2));
    expect(api.callsOf('AuditLog')[1]?.variables).toMatchObject({
      filter: { record: { entity: 'Order', id: 'order-1' } },
    });
  });

  it('shows the lists of one request as one row', async () => {
    mockApi({
      People: { data: { people: [PERSON] } },
      Organisations: { data: { organisations: [ORGANISATION] } },
      AuditActions: ACTIONS,
      AuditLog: page(
        [
          anEntry('12', {
            action: 'LIST',
            entity: 'Order',
            entityId: null,
            entityIds: ['o-1'],
            requestId: 'req-x',
          }),
          anEntry('11', {
            action: 'LIST',
            entityId: null,
            entityIds: ['patient-a', 'patient-b'],
            requestId: 'req-x',
          }),
        ],
        false,
        'c11',
      ),
    });
    renderAuditLogPage();
    const rows = await screen.findAllByRole('row', { name: /listed/ });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('Priya Raman listed 1 order, 2 patients');
    expect(within(rows[0] as HTMLElement).getByText('3 records')).toBeTruthy();
  });
});
