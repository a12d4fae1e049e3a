import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Link, matchPath, RouterProvider, useLocation } from './router.tsx';

describe('matchPath', () => {
  it.each([
    ['/trials/:trialId', '/trials/abc', { trialId: 'abc' }],
    ['/trials/:trialId', '/trials/abc/', { trialId: 'abc' }],
    ['/patients', '/patients', {}],
    ['/pharmacy/orders/:orderId', '/pharmacy/orders/a%20b', { orderId: 'a b' }],
    ['/trials/:trialId', '/trials', null],
    ['/trials/:trialId', '/trials/abc/extra', null],
    ['/patients', '/worklist', null],
    ['/trials/:trialId', '/trials/%E0%A4%A', null],
  ])('%s against %s', (pattern, path, expected) => {
    expect(matchPath(pattern, path)).toEqual(expected);
  });
});

function Where() {
  const { pathname, search } = useLocation();
  return <p>at {pathname + search}</p>;
}

describe('Link', () => {
  it('navigates without reloading and updates the location', () => {
    render(
      <RouterProvider>
        <Link to="/patients?q=ann">Patients</Link>
        <Where />
      </RouterProvider>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Patients' }));
    expect(screen.getByText('at /patients?q=ann')).toBeTruthy();
    expect(window.location.pathname).toBe('/patients');
  });

  it('leaves a modified click (new tab) to the browser', () => {
    render(
      <RouterProvider>
        <Link to="/patients">Patients</Link>
        <Where />
      </RouterProvider>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Patients' }), { ctrlKey: true });
    expect(screen.getByText('at /')).toBeTruthy();
  });

  it('follows the browser’s back button', () => {
    render(
      <RouterProvider>
        <Link to="/worklist">Worklist</Link>
        <Where />
      </RouterProvider>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Worklist' }));
    window.history.replaceState(null, '', '/patients');
    fireEvent(window, new PopStateEvent('popstate'));
    expect(screen.getByText('at /patients')).toBeTruthy();
  });
});
