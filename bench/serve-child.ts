import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getHeapStatistics } from 'node:v8';

// The child's side of child-server.ts for a bench module under tsx: announce the port, answer the
// statement count and the memory (as serve-compiled.mjs does for the compiled server), stop cleanly.

/** What a served child tells its parent and how it shuts down. */
export interface ChildService {
  /** SQL statements sent since the start (counted by the child, where the statements are). */
  statements(): number;
  close(): Promise<void>;
}

/** Announces `server`'s port on stdout and serves the parent's IPC questions until told to stop. */
export async function serveChild(server: Server, service: ChildService): Promise<void> {
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let stopping = false;
  const stop = async () => {
    // SIGTERM and the parent's disconnect come one after the other: the first one stops.
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await service.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  // The parent gone (a crash, Ctrl-C): nobody will ask anything more, so the child does not linger.
  process.on('disconnect', () => void stop());
  process.on('message', (message) => {
    if (message === 'statements') process.send?.({ statements: service.statements() });
    if (message === 'memory')
      process.send?.({
        memory: { ...process.memoryUsage(), heapSizeLimit: getHeapStatistics().heap_size_limit },
      });
  });
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
}
