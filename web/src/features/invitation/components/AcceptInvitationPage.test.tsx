import { fireEvent, render, screen } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { mockApi } from '../../../test/api-mock.ts';
import { AcceptInvitationPage } from './AcceptInvitationPage.tsx';

/** A BAD_USER_INPUT answer on one field, as the API words it. */
const badInput = (field: string, message: string) => ({
  errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }],
});

function renderAt(search: string) {
  window.history.replaceState(null, '', `/accept-invitation${search}`);
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  render(
    <RouterProvider>
      <Provider value={client}>
        <AcceptInvitationPage />
      </Provider>
    </RouterProvider>,
  );
}

function setPassword(password: string, confirmation = password) {
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('Confirm the password'), { target: { value: confirmation } });
  fireEvent.click(screen.getByRole('button', { name: 'Set password' }));
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('the accept-invitation page', () => {
  it('sends the token and password, then goes to sign-in with the email filled in', async () => {
    const api = mockApi({ AcceptInvitation: { data: { acceptInvitation: { email: 'robin@carerx.demo' } } } });
    renderAt('?token=abc123');
    setPassword('a long pharmacy passphrase 2026');
    await screen.findByRole('button', { name: 'Set password' });
    await expect
      .poll(() => window.location.pathname + window.location.search)
      .toBe('/sign-in?email=robin%40carerx.demo');
    expect(api.callsOf('AcceptInvitation')[0]?.variables).toEqual({
      token: 'abc123',
      password: 'a long pharmacy passphrase 2026',
    });
  });

  it('shows the server’s refusal of the password beside the password field', async () => {
    mockApi({
      AcceptInvitation: badInput('password', 'This password is one of the most common ones; choose another.'),
    });
    renderAt('?token=abc123');
    setPassword('password1234');
    const message = await screen.findByText('This password is one of the most common ones; choose another.');
    expect(screen.getByLabelText('New password').getAttribute('aria-describedby')).toContain(message.id);
    expect(window.location.pathname).toBe('/accept-invitation');
  });

  it('shows an expired or used link as the server words it', async () => {
    mockApi({
      AcceptInvitation: badInput(
        'token',
        'This link has expired or has already been used. Ask an administrator for a new one.',
      ),
    });
    renderAt('?token=old');
    setPassword('a long pharmacy passphrase 2026');
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'This link has expired or has already been used. Ask an administrator for a new one.',
    );
  });

  it.each([
    ['too short', 'short', 'short', 'Use at least 12 characters.'],
    [
      'not repeated the same',
      'a long pharmacy passphrase',
      'a long pharmacy passphrasE',
      'The two passwords are not the same.',
    ],
  ])('refuses a password %s without asking the server', async (_case, password, confirmation, shown) => {
    const api = mockApi({});
    renderAt('?token=abc123');
    setPassword(password, confirmation);
    expect(await screen.findByText(shown)).toBeTruthy();
    expect(api.requests).toHaveLength(0);
  });

  it('says a link without a token is incomplete', () => {
    mockApi({});
    renderAt('');
    expect(screen.getByRole('alert').textContent).toContain('This link is incomplete');
    expect(screen.getByRole('button', { name: 'Set password' })).toHaveProperty('disabled', true);
  });
});
