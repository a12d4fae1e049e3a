// The real HTTP server of the product over a bench database, signed in as a clinic's first
// prescriber, with the portal's own documents for the worklist and the trial page: shared by the
// page benchmarks (pages.bench.ts, row-level-security.bench.ts).

import type { AddressInfo } from 'node:net';
import type { Database, PrismaClient } from '../prisma/src/index.ts';
import { createApp } from '../server/src/app.ts';
import { createSession, SESSION_COOKIE } from '../server/src/auth/sessions.ts';
import type { Clock } from '../server/src/platform/clock.ts';
import { type Config, loadConfig } from '../server/src/platform/config.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { portalDocument } from './portal-documents.ts';

export interface Page {
  label: string;
  query: string;
  variables(request: number): Record<string, unknown>;
}

export interface PageServer {
  endpoint: string;
  config: Config;
  /** The worklist, then the trial page of the clinic's active trials in turn. */
  pages: Page[];
  /** Asks one page, as the prescriber; rejects on any GraphQL error. */
  ask(page: Page, request: number): Promise<Record<string, unknown[]> | undefined>;
  stop(): Promise<void>;
}

/** The product's configuration for a bench: no portal files, no logs, the clinic's day in UTC. */
export function benchConfig(): Config {
  return loadConfig({
    ...process.env,
    ALLOW_EMBEDDED_DATABASE: 'true',
    LOG_LEVEL: 'silent',
    PORT: '0',
    WEB_DIST: '/nonexistent',
    CLINIC_TIME_ZONE: 'UTC',
  });
}

/** A session of the person `userId` as the Cookie header carries it. */
export async function sessionCookie(
  prisma: PrismaClient,
  userId: string,
  config: Config,
  clock: Clock,
): Promise<string> {
  return `${SESSION_COOKIE}=${await createSession(prisma, userId, config, clock, 'bench')}`;
}

export async function startPageServer(db: Database, clinicId: string, clock: Clock): Promise<PageServer> {
  const config = benchConfig();
  const app = await createApp({ db, config, log: createLogger('silent'), clock });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const prescriber = await db.prisma.user.findFirstOrThrow({ where: { organisationId: clinicId } });
  const cookie = await sessionCookie(db.prisma, prescriber.id, config, clock);
  const active = await db.prisma.trial.findMany({
    where: { clinicId, endedOn: null, enteredInErrorAt: null },
    select: { id: true },
    take: 100,
  });
  const pages: Page[] = [
    { label: 'worklist', query: portalDocument('worklist/api/worklist.ts'), variables: () => ({}) },
    {
      label: 'trial page',
      query: portalDocument('trials/api/trial.ts'),
      variables: (request) => ({ id: active[request % active.length]?.id }),
    },
  ];
  return {
    endpoint,
    config,
    pages,
    async ask(page, request) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: page.query, variables: page.variables(request) }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown[]>; errors?: unknown[] };
      if (body.errors !== undefined) throw new Error(`${page.label}: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async stop() {
      server.close();
      await app.stop();
    },
  };
}
