import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { mockApi } from '../../../test/api-mock.ts';
import { ApiTokensPage } from './ApiTokensPage.tsx';

const ORGANISATIONS = [
  {
    __typename: 'ManagedOrganisation',
    id: 'org-clinic',
    name: 'Riverside Pain Clinic',
    kind: 'CLINIC',
    active: true,
  },
  {
    __typename: 'ManagedOrganisation',
    id: 'org-network',
    name: 'LDN Network',
    kind: 'NETWORK',
    active: true,
  },
];

/** A token as the list returns it. */
function aToken(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ApiToken',
    id: 'token-1',
    name: 'Riverside EHR',
    status: 'ACTIVE',
    createdByName: 'Nadia Admin',
    createdAt: '2026-11-01T10:00:00.000Z',
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    revokedByName: null,
    organisation: {
      __typename: 'Organisation',
      id: 'org-clinic',
      name: 'Riverside Pain Clinic',
      kind: 'CLINIC',
    },
    ...overrides,
  };
}

function renderPage() {
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <RouterProvider>
      <Provider value={client}>
        <ApiTokensPage />
      </Provider>
    </RouterProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the API tokens page', () => {
  it('issues a token for a clinic and shows it once, to copy', async () => {
    const api = mockApi({
      Organisations: { data: { organisations: ORGANISATIONS } },
      ApiTokens: { data: { apiTokens: [] } },
      IssueApiToken: {
        data: {
          issueApiToken: {
            __typename: 'IssuedApiToken',
            token: 'ldn_secret-shown-once',
            apiToken: {
              __typename: 'ApiToken',
              id: 'token-2',
              name: 'Riverside EHR',
              expiresAt: '2027-11-01T10:00:00.000Z',
              organisation: { __typename: 'Organisation', id: 'org-clinic', name: 'Riverside Pain Clinic' },
            },
          },
        },
      },
    });
    renderPage();
    const organisation = await screen.findByLabelText('Organisation');
    // The network itself is no choice: a token reads one clinic's or pharmacy's records.
    expect(within(organisation).queryByText('LDN Network')).toBeNull();
    fireEvent.change(organisation, { target: { value: 'org-clinic' } });
    fireEvent.change(screen.getByLabelText('What it is for'), { target: { value: ' Riverside EHR ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue token' }));
    expect(((await screen.findByLabelText('API token')) as HTMLInputElement).value).toBe(
      'ldn_secret-shown-once',
    );
    expect(api.callsOf('IssueApiToken')[0]?.variables).toEqual({
      input: { organisationId: 'org-clinic', name: 'Riverside EHR', expiresInDays: 365 },
    });
  });

  it('lists the tokens and revokes an active one after confirmation', async () => {
    // The test environment has no window.confirm: the person says yes.
    vi.stubGlobal('confirm', () => true);
    const api = mockApi({
      Organisations: { data: { organisations: ORGANISATIONS } },
      ApiTokens: {
        data: {
          apiTokens: [
            aToken(),
            aToken({
              id: 'token-0',
              name: 'Old registry feed',
              status: 'REVOKED',
              revokedAt: '2026-11-02T10:00:00.000Z',
            }),
          ],
        },
      },
      RevokeApiToken: {
        data: {
          revokeApiToken: {
            __typename: 'ApiToken',
            id: 'token-1',
            status: 'REVOKED',
            revokedAt: '2026-11-03T10:00:00.000Z',
            revokedByName: 'Nadia Admin',
          },
        },
      },
    });
    renderPage();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Old registry feed')).toBeTruthy();
    expect(within(table).queryByRole('button', { name: 'Revoke Old registry feed' })).toBeNull();
    fireEvent.click(within(table).getByRole('button', { name: 'Revoke Riverside EHR' }));
    await expect.poll(() => api.callsOf('RevokeApiToken')[0]?.variables).toEqual({ id: 'token-1' });
  });
});
