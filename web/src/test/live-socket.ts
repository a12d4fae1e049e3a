import { vi } from 'vitest';

type Listener<E> = ((event: E) => void) | null;

interface Message {
  id?: string;
  type: string;
  payload?: unknown;
}

/**
 * The API's live socket in miniature, speaking just enough graphql-transport-ws for the portal's
 * client: it acknowledges, records subscriptions, and lets a test push changes, drop the
 * connection (a network loss) or close it with a code (the session ended).
 */
export class FakeLiveServer {
  readonly sockets: FakeSocket[] = [];
  readonly subscriptions = new Map<string, FakeSocket>();

  /** Sends `changes` to every subscription, as the server does when a record is written. */
  push(change: { entity: string; id: string; patientId?: string; trialId?: string; orderId?: string }): void {
    const changes = { patientId: null, trialId: null, orderId: null, ...change };
    for (const [id, socket] of this.subscriptions) {
      socket.receive({ id, type: 'next', payload: { data: { changes } } });
    }
  }

  /** The connection is lost without a goodbye (1006), as when the network goes. */
  drop(): void {
    for (const socket of this.open()) socket.closeFromServer(1006, '');
  }

  /** The server closes every socket with `code` (4401: the session ended). */
  closeAll(code: number, reason: string): void {
    for (const socket of this.open()) socket.closeFromServer(code, reason);
  }

  private open(): FakeSocket[] {
    return this.sockets.filter((socket) => socket.readyState === FakeSocket.OPEN);
  }
}

class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;

  readyState = FakeSocket.CONNECTING;
  onopen: Listener<Event> = null;
  onclose: Listener<{ code: number; reason: string; wasClean: boolean }> = null;
  onmessage: Listener<{ data: string }> = null;
  onerror: Listener<Event> = null;

  constructor(
    private readonly server: FakeLiveServer | null,
    readonly url: string,
    readonly protocol: string,
  ) {
    if (server === null) return; // a socket that never opens: no server to reach
    server.sockets.push(this);
    setTimeout(() => {
      this.readyState = FakeSocket.OPEN;
      this.onopen?.(new Event('open'));
    }, 0);
  }

  send(data: string): void {
    const message = JSON.parse(data) as Message;
    if (message.type === 'connection_init') this.receive({ type: 'connection_ack' });
    else if (message.type === 'ping') this.receive({ type: 'pong' });
    else if (message.type === 'subscribe' && message.id !== undefined)
      this.server?.subscriptions.set(message.id, this);
    else if (message.type === 'complete' && message.id !== undefined)
      this.server?.subscriptions.delete(message.id);
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.closeFromServer(code, reason);
  }

  receive(message: Message): void {
    setTimeout(() => {
      if (this.readyState === FakeSocket.OPEN) this.onmessage?.({ data: JSON.stringify(message) });
    }, 0);
  }

  closeFromServer(code: number, reason: string): void {
    this.readyState = FakeSocket.CLOSED;
    for (const [id, socket] of this.server?.subscriptions ?? []) {
      if (socket === this) this.server?.subscriptions.delete(id);
    }
    setTimeout(() => this.onclose?.({ code, reason, wasClean: code !== 1006 }), 0);
  }
}

/** Stubs `WebSocket` with a live server the test drives. */
export function fakeLiveServer(): FakeLiveServer {
  const server = new FakeLiveServer();
  vi.stubGlobal(
    'WebSocket',
    class extends FakeSocket {
      constructor(url: string, protocol: string) {
        super(server, url, protocol);
      }
    },
  );
  return server;
}

/** Stubs `WebSocket` with one that never connects: screens render as if the socket were slow. */
export function quietLiveSocket(): void {
  vi.stubGlobal(
    'WebSocket',
    class extends FakeSocket {
      constructor(url: string, protocol: string) {
        super(null, url, protocol);
      }
    },
  );
}
