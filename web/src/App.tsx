import { Suspense } from 'react';
import { AppShell } from './app/AppShell.tsx';
import { homeFor, PUBLIC_ROUTES, ROUTES } from './app/routes.tsx';
import { PageHeader } from './components/ui/Page.tsx';
import { Loading } from './components/ui/QueryState.tsx';
import { SignInPage, safeReturnPath } from './features/auth/components/SignInPage.tsx';
import { SessionProvider, signInPathFor, useSession } from './features/auth/session.tsx';
import { matchPath, Redirect, RouterProvider, useLocation, useSearchParam } from './lib/router.tsx';

/** The portal: the router, the session (with its API client), and the page for the path. */
export function App() {
  return (
    <RouterProvider>
      <SessionProvider>
        <CurrentPage />
      </SessionProvider>
    </RouterProvider>
  );
}

function CurrentPage() {
  const { session } = useSession();
  const { pathname, search } = useLocation();
  const next = useSearchParam('next');

  if (session.status === 'loading') {
    return (
      // biome-ignore lint/correctness/useUniqueElementIds: the one main landmark
      <main id="main" className="centered">
        <Loading label="Loading LDN trials…" />
      </main>
    );
  }
  if (session.status === 'unavailable') {
    return (
      // biome-ignore lint/correctness/useUniqueElementIds: the one main landmark
      <main id="main" className="centered">
        <div className="notice notice-error" role="alert">
          <p>The server could not be reached. Check the connection and try again.</p>
          <button type="button" onClick={session.retry}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  const publicRoute = PUBLIC_ROUTES.find((route) => matchPath(route.pattern, pathname) !== null);
  if (publicRoute !== undefined) {
    return <Suspense fallback={<Loading label="Loading page…" />}>{publicRoute.render()}</Suspense>;
  }
  if (pathname === '/sign-in') {
    return session.status === 'signed-in' ? <Redirect to={safeReturnPath(next)} /> : <SignInPage />;
  }
  if (session.status === 'signed-out') return <Redirect to={signInPathFor(pathname, search)} />;

  const { me } = session;
  if (pathname === '/') return <Redirect to={homeFor(me.role)} />;

  for (const route of ROUTES) {
    const params = matchPath(route.pattern, pathname);
    if (params === null) continue;
    return (
      <AppShell me={me}>
        {route.roles.includes(me.role) ? (
          <Suspense fallback={<Loading label="Loading page…" />}>{route.render(params)}</Suspense>
        ) : (
          <PageHeader title="Not available" subtitle="This page is not part of your role’s work." />
        )}
      </AppShell>
    );
  }
  return (
    <AppShell me={me}>
      <PageHeader title="Page not found" subtitle="Use the navigation above to carry on." />
    </AppShell>
  );
}
