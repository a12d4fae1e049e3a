import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { apiError, mockApi } from './test/api-mock.ts';

const clinician = {
  id: 'u1',
  name: 'Dr. Priya Raman',
  email: 'clinician@riverside.demo',
  role: 'CLINICIAN',
  organisation: { id: 'o1', name: 'Riverside Pain Clinic', kind: 'CLINIC' },
};

const noPatients = {
  data: { patients: { totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false }, edges: [] } },
};

async function signInThroughTheForm(password: string) {
  fireEvent.change(await screen.findByLabelText('Email'), { target: { value: clinician.email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the session', () => {
  it('sends a signed-out visit to sign in and back to the page asked for', async () => {
    window.history.replaceState(null, '', '/patients');
    const api = mockApi({
      Me: { data: { me: null } },
      SignIn: { data: { signIn: clinician } },
      Patients: noPatients,
    });
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe('/sign-in?next=%2Fpatients');

    await signInThroughTheForm('ldn-demo-2026');
    expect(await screen.findByRole('heading', { name: 'Patients', level: 1 })).toBeTruthy();
    expect(window.location.pathname).toBe('/patients');
    const navigation = screen.getByRole('navigation', { name: 'Main' });
    expect([...navigation.querySelectorAll('a')].map((link) => link.textContent)).toEqual([
      'Worklist',
      'Patients',
    ]);
    // Apollo refuses GET without a preflight header: every operation goes as a POST with the cookie.
    expect(api.requests.every((request) => request.method === 'POST')).toBe(true);
    expect(api.requests.every((request) => request.credentials === 'same-origin')).toBe(true);
  });

  it.each([
    ['UNAUTHENTICATED', 'The email or password is not right.'],
    ['TOO_MANY_REQUESTS', 'Too many failed sign-ins. Wait a few minutes and try again.'],
  ])('words a %s sign-in refusal for the person', async (code, message) => {
    window.history.replaceState(null, '', '/sign-in');
    mockApi({ Me: { data: { me: null } }, SignIn: apiError(code) });
    render(<App />);
    await signInThroughTheForm('wrong');
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(window.location.pathname).toBe('/sign-in');
  });

  it('brings the person back to sign in when a query answers UNAUTHENTICATED, keeping the path', async () => {
    window.history.replaceState(null, '', '/patients?q=ann');
    mockApi({ Me: { data: { me: clinician } }, Patients: apiError('UNAUTHENTICATED') });
    render(<App />);
    expect(await screen.findByText(/Your session has ended/)).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe('/sign-in?next=%2Fpatients%3Fq%3Dann');
  });

  it('tells a pharmacist that clinic pages are not for their role', async () => {
    window.history.replaceState(null, '', '/worklist');
    mockApi({ Me: { data: { me: { ...clinician, role: 'PHARMACIST' } } } });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Not available' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Queue' })).toBeTruthy();
  });

  it('offers to try again when the server cannot be reached at start', async () => {
    window.history.replaceState(null, '', '/');
    mockApi({});
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be reached/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
