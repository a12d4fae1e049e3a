// Preloaded (`node --import`) into the compiled server, `node server/dist/main.js`, when
// child-server.ts starts it for `pnpm bench:pages`: the server runs as deployed, and this answers
// the bench's questions over the IPC channel. Plain JavaScript, because a TypeScript preload would
// load Node's type stripper into the process being measured (17 MB).
//
// Statements are counted where every one of them passes, node-postgres's Client#query (the
// product's ScopedClient sends each statement through it once, access prefix included), so the
// count needs nothing from the product's code.

import { createRequire } from 'node:module';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';

// The very module the compiled @ldn/db loads: pnpm links both to one copy, and Node caches it by
// its real path.
const pg = createRequire(new URL('../prisma/package.json', import.meta.url))('pg');
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  return query.apply(this, args);
};

/** The answers, by question; each answer carries its question's name, so answers cannot be mixed up. */
const answers = {
  statements: () => statements,
  memory: () => ({ ...process.memoryUsage(), heapSizeLimit: getHeapStatistics().heap_size_limit }),
  // Written in the server's working directory; heavy (seconds, and the heap's size again on disk).
  heapSnapshot: () => writeHeapSnapshot(),
};

process.on('message', (question) => {
  const answer = answers[question];
  if (answer !== undefined) process.send?.({ [question]: answer() });
});
// The parent gone (a crash, Ctrl-C): the server shuts down as it would on SIGTERM, not lingering.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
// The channel would keep the event loop alive after the server's own shutdown has closed everything.
process.channel?.unref();
