import { type FormEvent, useId, useState } from 'react';
import { useDocumentTitle } from '../../../components/ui/Page.tsx';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { useNavigate, useSearchParam } from '../../../lib/router.tsx';
import { useSignIn } from '../api/sign-in.ts';
import { useSession } from '../session.tsx';

/** Wording of the sign-in refusals, by the API's `extensions.code`. */
export const SIGN_IN_WORDING = {
  UNAUTHENTICATED: 'The email or password is not right.',
  TOO_MANY_REQUESTS: 'Too many failed sign-ins. Wait a few minutes and try again.',
} as const;

/** Only a path of this portal is a place to return to (never another site). */
export function safeReturnPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) {
    return '/';
  }
  return next;
}

/** Email and password; on success back to where the person was going. */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const { session, signedIn } = useSession();
  const navigate = useNavigate();
  const next = useSearchParam('next');
  // A one-time link's page sends the person here with the email their new password belongs to.
  const givenEmail = useSearchParam('email');
  const [email, setEmail] = useState(givenEmail ?? '');
  const [password, setPassword] = useState('');
  const [result, signIn] = useSignIn();
  const formId = useId();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await signIn({ input: { email: email.trim(), password } });
    if (answer.data?.signIn) {
      signedIn(answer.data.signIn);
      navigate(safeReturnPath(next), { replace: true });
    }
  };

  const expired = session.status === 'signed-out' && session.expired;
  return (
    // biome-ignore lint/correctness/useUniqueElementIds: the one main landmark, the skip link's target
    <main id="main" className="sign-in" tabIndex={-1}>
      <div className="sign-in-card">
        <p className="brand">LDN trials</p>
        <h1>Sign in</h1>
        {expired && (
          <output className="notice notice-info">
            Your session has ended. Sign in again to continue where you were.
          </output>
        )}
        <form onSubmit={onSubmit} aria-describedby={result.error ? `${formId}-error` : undefined} noValidate>
          <div className="field">
            <label htmlFor={`${formId}-email`}>Email</label>
            <input
              id={`${formId}-email`}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${formId}-password`}>Password</label>
            <input
              id={`${formId}-password`}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          {result.error && (
            <div id={`${formId}-error`}>
              <ErrorNotice error={result.error} wording={SIGN_IN_WORDING} />
            </div>
          )}
          <button type="submit" disabled={result.fetching || email === '' || password === ''}>
            {result.fetching ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
