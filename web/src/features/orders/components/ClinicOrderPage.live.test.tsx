import { render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';
import { LIVE_REFETCH_DELAY_MS } from '../../../lib/use-live-refetch.ts';
import { mockApi } from '../../../test/api-mock.ts';
import { fakeLiveServer } from '../../../test/live-socket.ts';
import { ClinicOrderPage } from './ClinicOrderPage.tsx';
import { anOrder, viewer } from './order-test-data.ts';

// Issue #15: the clinic's order page follows the pharmacy's steps without a reload.

const shownState = () => screen.getByRole('heading', { level: 1 }).parentElement?.textContent ?? '';
const orderAnswer = (state: string, version: number) => ({
  data: { me: viewer('CLINICIAN'), order: anOrder(state, version) },
});
/** Long enough for a refetch that was going to happen to have happened. */
const settle = () => new Promise((resolve) => setTimeout(resolve, LIVE_REFETCH_DELAY_MS * 4));

function renderPage(onUnauthenticated = () => {}) {
  const client = createApiClient({ onUnauthenticated, url: 'http://localhost/graphql' });
  return render(
    createElement(
      RouterProvider,
      null,
      createElement(Provider, { value: client }, <ClinicOrderPage orderId="order-1" />),
    ),
  );
}

/** The page on screen, its order SUBMITTED, its subscription open; later reads answer RECEIVED. */
async function anOpenOrderPage(onUnauthenticated?: () => void) {
  const live = fakeLiveServer();
  const api = mockApi({
    ClinicOrder: (_variables, call) => orderAnswer(call === 1 ? 'SUBMITTED' : 'RECEIVED', call === 1 ? 2 : 3),
  });
  renderPage(onUnauthenticated);
  await waitFor(() => expect(shownState()).toContain('Submitted'));
  await waitFor(() => expect(live.subscriptions.size).toBe(1));
  return { live, api };
}

describe('the clinic order page, live', () => {
  it('shows the pharmacy acknowledging the order without a reload', async () => {
    const { live } = await anOpenOrderPage();
    live.push({ entity: 'OrderEvent', id: 'event-9', orderId: 'order-1' });
    await waitFor(() => expect(shownState()).toContain('Received'));
  });

  it('asks again from the network, marked as the portal’s refetch (not activity of the person)', async () => {
    const { live, api } = await anOpenOrderPage();
    live.push({ entity: 'Order', id: 'order-1', orderId: 'order-1' });
    await waitFor(() => expect(api.callsOf('ClinicOrder')).toHaveLength(2));
    const [, init] = api.fetchMock.mock.calls[1] ?? [];
    expect(new Headers(init?.headers).get('x-ldn-background')).toBe('live');
  });

  it('does not ask again for a change to another order', async () => {
    const { live, api } = await anOpenOrderPage();
    live.push({ entity: 'Order', id: 'order-2', orderId: 'order-2' });
    await settle();
    expect(api.callsOf('ClinicOrder')).toHaveLength(1);
  });

  it('asks once for a burst of changes (an order, its lines and its history in one transaction)', async () => {
    const { live, api } = await anOpenOrderPage();
    live.push({ entity: 'Order', id: 'order-1', orderId: 'order-1' });
    live.push({ entity: 'OrderEvent', id: 'event-9', orderId: 'order-1' });
    live.push({ entity: 'OrderLine', id: 'line-1', orderId: 'order-1' });
    await settle();
    expect(api.callsOf('ClinicOrder')).toHaveLength(2);
  });

  it('asks again once the socket is back after a network loss (changes may have been missed)', async () => {
    const { live, api } = await anOpenOrderPage();
    live.drop();
    await waitFor(() => expect(live.sockets).toHaveLength(2), { timeout: 3_000 });
    await waitFor(() => expect(shownState()).toContain('Received'));
    expect(api.callsOf('ClinicOrder')).toHaveLength(2);
  });

  it('sends the person to sign in when the server ends the socket for an ended session', async () => {
    const signedOut = vi.fn();
    const { live } = await anOpenOrderPage(signedOut);
    live.closeAll(4401, 'Session ended');
    await waitFor(() => expect(signedOut).toHaveBeenCalledTimes(1));
  });
});
