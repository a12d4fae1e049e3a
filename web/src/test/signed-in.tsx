import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { SessionProvider } from '../features/auth/session.tsx';
import { RouterProvider } from '../lib/router.tsx';
import type { Answer } from './api-mock.ts';

/** The session query's answer for a person of the clinic in this role. */
export function me(role: string): Answer {
  return {
    data: {
      me: {
        __typename: 'Me',
        id: 'person-1',
        name: 'Priya Raman',
        email: 'someone@riverside.demo',
        role,
        organisation: { __typename: 'Organisation', id: 'org-1', name: 'Riverside', kind: 'CLINIC' },
      },
    },
  };
}

/** Renders a screen as the app does: inside the router and the session (answered by `Me`). */
export function renderSignedIn(screen: ReactNode) {
  return render(
    <RouterProvider>
      <SessionProvider>{screen}</SessionProvider>
    </RouterProvider>,
  );
}
