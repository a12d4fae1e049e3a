import type { Client } from '@urql/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { Provider } from 'urql';
import { createApiClient } from '../../lib/client.ts';
import { useNavigate } from '../../lib/router.tsx';
import { type Me, MeQuery } from './api/me.ts';
import { SignOutMutation } from './api/sign-out.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unavailable'; retry: () => void }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; me: Me };

interface SessionActions {
  /** After a successful sign-in: a fresh client (nothing cached from before) and the person. */
  signedIn(me: Me): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<(SessionActions & { session: SessionState }) | null>(null);

/** Where to come back to after signing in again: the path the person was on. */
export function signInPathFor(pathname: string, search: string): string {
  if (pathname === '/sign-in' || pathname === '/') return '/sign-in';
  return `/sign-in?next=${encodeURIComponent(pathname + search)}`;
}

/**
 * Owns the session: asks `me` at start, swaps the urql client on every sign-in and sign-out (so no
 * cached record outlives its session), and sends the person to sign in when the API says
 * UNAUTHENTICATED, remembering where they were.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const onUnauthenticated = useRef<() => void>(() => {});
  const makeClient = useCallback(
    () => createApiClient({ onUnauthenticated: () => onUnauthenticated.current() }),
    [],
  );
  const [client, setClient] = useState<Client>(makeClient);
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  // Signing out ends the session the open screens listen with: the server's answer to them (the
  // live socket's close, a refetch's UNAUTHENTICATED) is then no expiry to report.
  const signingOut = useRef(false);

  onUnauthenticated.current = () => {
    if (signingOut.current) return;
    setClient(makeClient());
    setSession({ status: 'signed-out', expired: true });
    navigate(signInPathFor(window.location.pathname, window.location.search), { replace: true });
  };

  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again only on a retry
  useEffect(() => {
    let cancelled = false;
    client
      .query(MeQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (cancelled) return;
        if (result.error !== undefined) {
          setSession({ status: 'unavailable', retry: () => setAttempt((n) => n + 1) });
        } else if (result.data?.me) {
          setSession({ status: 'signed-in', me: result.data.me });
        } else {
          setSession({ status: 'signed-out', expired: false });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const signedIn = useCallback(
    (me: Me) => {
      signingOut.current = false;
      setClient(makeClient());
      setSession({ status: 'signed-in', me });
    },
    [makeClient],
  );

  const signOut = useCallback(async () => {
    signingOut.current = true;
    await client.mutation(SignOutMutation, {}).toPromise();
    setClient(makeClient());
    setSession({ status: 'signed-out', expired: false });
    navigate('/sign-in');
  }, [client, makeClient, navigate]);

  return (
    <SessionContext.Provider value={{ session, signedIn, signOut }}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

/** The session and what can be done with it. */
export function useSession() {
  const context = useContext(SessionContext);
  if (context === null) throw new Error('useSession needs a <SessionProvider> above it');
  return context;
}
