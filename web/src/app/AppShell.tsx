import { type ReactNode, useEffect, useRef } from 'react';
import type { Me } from '../features/auth/api/me.ts';
import { useSession } from '../features/auth/session.tsx';
import { humanize } from '../lib/format.ts';
import { Link, useLocation } from '../lib/router.tsx';
import { NAVIGATION } from './routes.tsx';

/** Header, role-aware navigation and the main landmark every signed-in page sits in. */
export function AppShell({ me, children }: { me: Me; children: ReactNode }) {
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  // After a navigation, keyboard and screen-reader users start at the new page's content.
  useEffect(() => {
    if (pathname !== firstPath.current) main.current?.focus();
    firstPath.current = pathname;
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">LDN trials</span>
        <nav aria-label="Main">
          <ul>
            {NAVIGATION[me.role].map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  aria-current={
                    pathname === item.to || pathname.startsWith(`${item.to}/`) ? 'page' : undefined
                  }
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-user">
          <span>
            {me.name}
            <span className="app-user-detail">
              {humanize(me.role)} · {me.organisation.name}
            </span>
          </span>
          <Link to="/account" aria-current={pathname === '/account' ? 'page' : undefined}>
            Your account
          </Link>
          <button type="button" className="button-secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {/* biome-ignore lint/correctness/useUniqueElementIds: the one main landmark, the skip link's target */}
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
