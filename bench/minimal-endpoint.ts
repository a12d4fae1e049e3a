// A deliberately minimal endpoint beside the product (issue #16), so the cost of the product's
// stack is a ratio, not a guess: `node:http` and node-postgres, hand-written SQL and JSON shaping,
// no GraphQL, no Prisma, no row-level security switch. It answers the same JSON as the GraphQL
// server's `data` for the worklist (GET /worklist) and a trial page (GET /trial/<id>), with the same
// session lookup (one statement) and the same audit rows. Started by child-server.ts like
// child-server.ts: BENCH_SERVE_DATABASE_URL, BENCH_SESSION_IDLE_MINUTES, the benches' clock.

import { createHash, randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { Role } from '../prisma/src/index.ts';
import type { Viewer } from '../server/src/auth/viewer.ts';
import { BENCH_AS_OF, benchClock } from './bench-clock.ts';
import type { Asker, Query } from './minimal-sql.ts';
import { minimalTrialPage } from './minimal-trial-page.ts';
import { minimalWorklist } from './minimal-worklist.ts';
import { pg } from './pg.ts';
import { serveChild } from './serve-child.ts';

const url = process.env.BENCH_SERVE_DATABASE_URL;
if (url === undefined) throw new Error('BENCH_SERVE_DATABASE_URL is not set');
const IDLE_MS = Number(process.env.BENCH_SESSION_IDLE_MINUTES ?? 30) * 60_000;
/** The product's own threshold for writing a session's last-seen time (auth/sessions.ts). */
const TOUCH_AFTER_MS = 60_000;
/** The bench's clinic day is UTC (page-server.ts benchConfig). */
const TIME_ZONE = 'UTC';
const CLINIC_ROLES: readonly Role[] = ['CLINICIAN', 'COORDINATOR'];

const pool = new pg.Pool({ connectionString: url, max: 10 });
let statements = 0;
const query: Query = async <Row>(sql: string, params: readonly unknown[]) => {
  statements += 1;
  return (await pool.query(sql, [...params])).rows as Row[];
};

/** A session and what its person and organisation need to be live, as the product's lookup reads them. */
type SessionRow = Pick<Viewer, 'userId' | 'role' | 'organisationId' | 'organisationKind'> & {
  id: string;
  revokedAt: Date | null;
  lastSeenAt: Date;
  expiresAt: Date;
  userActive: boolean;
  organisationActive: boolean;
};

/** The clinic person of the request's session cookie, checked as the product checks it; null if none. */
async function askerOf(cookie: string | undefined): Promise<Asker | null> {
  const token = /(?:^|;\s*)ldn_session=([^;]+)/.exec(cookie ?? '')?.[1];
  if (token === undefined) return null;
  const [session] = await query<SessionRow>(
    `SELECT s.id, s."revokedAt", s."lastSeenAt", s."expiresAt", u.id AS "userId", u.active AS "userActive",
            u.role::text AS role, o.id AS "organisationId", o.active AS "organisationActive", o.kind::text AS "organisationKind"
     FROM "Session" s JOIN "User" u ON u.id = s."userId" JOIN "Organisation" o ON o.id = u."organisationId"
     WHERE s."tokenHash" = $1`,
    [createHash('sha256').update(token).digest('hex')],
  );
  const now = benchClock.now().getTime();
  if (session === undefined || session.revokedAt !== null || session.expiresAt.getTime() <= now) return null;
  if (session.lastSeenAt.getTime() + IDLE_MS <= now || !session.userActive || !session.organisationActive)
    return null;
  if (session.organisationKind !== 'CLINIC' || !CLINIC_ROLES.includes(session.role)) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS)
    await query('UPDATE "Session" SET "lastSeenAt" = $2 WHERE id = $1', [session.id, new Date(now)]);
  return { userId: session.userId, organisationId: session.organisationId, role: session.role };
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const refused = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

const server = createServer((req, res) => {
  const respond = async () => {
    const asker = await askerOf(req.headers.cookie);
    if (asker === null) return answer(res, 401, refused('UNAUTHENTICATED', 'Sign in first.'));
    const now = benchClock.now();
    if (req.url === '/worklist') {
      const { worklist, patientIds } = await minimalWorklist(query, asker, now, BENCH_AS_OF, TIME_ZONE);
      if (patientIds.length > 0)
        await query(
          `INSERT INTO "AuditLog" ("actorId", "organisationId", action, entity, "entityIds", "requestId")
           VALUES ($1::uuid, $2::uuid, 'LIST', 'Patient', $3, $4)`,
          [asker.userId, asker.organisationId, patientIds, randomUUID()],
        );
      return answer(res, 200, { data: { worklist } });
    }
    const trialId = /^\/trial\/([0-9a-f-]{36})$/.exec(req.url ?? '')?.[1];
    if (trialId === undefined) return answer(res, 404, refused('NOT_FOUND', 'No such page.'));
    const trial = await minimalTrialPage(query, asker, trialId, randomUUID(), now, BENCH_AS_OF, TIME_ZONE);
    if (trial === null) return answer(res, 404, refused('NOT_FOUND', 'Trial not found.'));
    return answer(res, 200, { data: { trial } });
  };
  respond().catch((error: unknown) => {
    // The bench's own endpoint: its failures are the bench's to see, on its stderr.
    console.error(error instanceof Error ? error.message : error);
    answer(res, 500, refused('INTERNAL_SERVER_ERROR', 'Something went wrong.'));
  });
});

await serveChild(server.listen(0, '127.0.0.1'), { statements: () => statements, close: () => pool.end() });
