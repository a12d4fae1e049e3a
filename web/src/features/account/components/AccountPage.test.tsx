import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { mockApi } from '../../../test/api-mock.ts';
import { AccountPage } from './AccountPage.tsx';
import { browserOf } from './SessionsTable.tsx';

/** A BAD_USER_INPUT answer on one field, as the API words it. */
const badInput = (field: string, message: string) => ({
  errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }],
});

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36';

/** One of one's sessions as the API answers it. */
function aSession(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'MySession',
    id,
    createdAt: '2026-03-01T09:00:00.000Z',
    lastSeenAt: '2026-03-01T10:00:00.000Z',
    expiresAt: '2026-03-01T21:00:00.000Z',
    userAgent: CHROME_LINUX,
    current: false,
    ...overrides,
  };
}

function renderAccountPage() {
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <RouterProvider>
      <Provider value={client}>
        <AccountPage />
      </Provider>
    </RouterProvider>,
  );
}

const fillPasswords = (current: string, next: string, confirmation = next) => {
  fireEvent.change(screen.getByLabelText('Current password'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('Confirm the new password'), { target: { value: confirmation } });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
};

describe('the account page', () => {
  it('marks this session and ends another', async () => {
    const api = mockApi({
      MySessions: (_variables, call) => ({
        data: {
          mySessions:
            call === 1
              ? [
                  aSession('s-this', { current: true }),
                  aSession('s-other', { createdAt: '2026-02-28T08:00:00.000Z' }),
                ]
              : [aSession('s-this', { current: true })],
        },
      }),
      EndMySession: { data: { endMySession: true } },
    });
    renderAccountPage();
    const sessions = await screen.findByRole('region', { name: 'Sessions' });
    const rows = await within(sessions).findAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain('This session');
    expect(within(rows[1] as HTMLElement).queryByRole('button')).toBeNull();
    fireEvent.click(within(rows[2] as HTMLElement).getByRole('button', { name: /End the session/ }));
    await vi.waitFor(() => expect(within(sessions).getAllByRole('row')).toHaveLength(2));
    expect(api.callsOf('EndMySession')[0]?.variables).toEqual({ id: 's-other' });
  });

  it('checks the new password in the browser, then shows the API’s policy refusal on the field', async () => {
    const api = mockApi({
      MySessions: { data: { mySessions: [aSession('s-this', { current: true })] } },
      ChangeMyPassword: badInput('next', 'This password is one of the most common ones; choose another.'),
    });
    renderAccountPage();
    await screen.findByRole('region', { name: 'Sessions' });
    fillPasswords('old password 2026', 'short');
    expect((await screen.findByRole('alert')).textContent).toBe('Use at least 12 characters.');
    expect(api.callsOf('ChangeMyPassword')).toHaveLength(0);

    fillPasswords('old password 2026', 'password1234');
    expect(
      await screen.findByText('This password is one of the most common ones; choose another.'),
    ).toBeTruthy();
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Current password').getAttribute('aria-invalid')).toBe('false');
  });

  it('shows a wrong current password on that field', async () => {
    mockApi({
      MySessions: { data: { mySessions: [] } },
      ChangeMyPassword: badInput('current', 'Your current password is not right.'),
    });
    renderAccountPage();
    fillPasswords('wrong password', 'a new long passphrase');
    expect(await screen.findByText('Your current password is not right.')).toBeTruthy();
    expect(screen.getByLabelText('Current password').getAttribute('aria-invalid')).toBe('true');
  });

  it('says the password changed and asks the sessions again', async () => {
    const api = mockApi({
      MySessions: { data: { mySessions: [aSession('s-this', { current: true })] } },
      ChangeMyPassword: { data: { changeMyPassword: true } },
    });
    renderAccountPage();
    await screen.findByRole('region', { name: 'Sessions' });
    fillPasswords('old password 2026', 'a new long passphrase');
    expect(await screen.findByText(/Your password is changed/)).toBeTruthy();
    expect(screen.getByLabelText('Current password')).toHaveProperty('value', '');
    expect(api.callsOf('ChangeMyPassword')[0]?.variables).toEqual({
      current: 'old password 2026',
      next: 'a new long passphrase',
    });
    await vi.waitFor(() => expect(api.callsOf('MySessions')).toHaveLength(2));
  });
});

describe('browserOf', () => {
  it.each([
    [CHROME_LINUX, 'Chrome on Linux'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Gecko/20100101 Firefox/128.0', 'Firefox on macOS'],
    [
      'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/139.0 Safari/537.36 Edg/139.0',
      'Edge on Windows',
    ],
    [null, 'Unknown browser'],
  ])('names %s as %s', (userAgent, expected) => {
    expect(browserOf(userAgent)).toBe(expected);
  });
});
