import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../prisma/src/index.ts';
import { hashPassword } from '../server/src/auth/password.ts';
import { createSession, SESSION_COOKIE } from '../server/src/auth/sessions.ts';
import type { Clock } from '../server/src/platform/clock.ts';
import type { Config } from '../server/src/platform/config.ts';
import { ms } from './load.ts';

// A burst of order submissions, as `pnpm bench:pages` runs it after the pages: DRAFTS drafts of one
// clinic, one per active trial, each signed by the trial's prescriber and sent COPIES times at once
// with its idempotency key (a retry storm on top of a clinic's batch of signatures), all at the same
// moment over HTTP. Every draft must be submitted exactly once and every call answered with it.
// Before it, one more draft is submitted alone, then again with its key, to count the statements
// of a first call and of a repeated one. The drafts are deleted afterwards, so a kept database
// times the same burst on every run.

/** The password of the bench's people who sign in or sign orders. */
export const PASSWORD = 'bench-password-2026';
/**
 * Drafts of the small untimed burst sent before the timed one: the first requests of a process
 * compile the stack's code (V8, Prisma's query compiler), and a bench measures the server as it
 * runs, as the pages' warm-up requests do.
 */
export const WARM_UP_DRAFTS = 20;
const SUBMIT = `mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { id state } }`;

/** What the server has done so far, where the bench can see it (counted by the server's process). */
export interface ServerCounters {
  /** SQL statements sent. */
  statements(): number | Promise<number>;
  /** argon2 hashes computed (password.ts), when the server runs in the bench's own process. */
  argon2Runs?(): number;
  /** CPU time (ms, every thread) of the server's process so far (the bench's client too, if it runs there). */
  cpuMs?(): number;
}

export interface SubmissionBurst {
  calls: number;
  keys: number;
  /** From the first call sent to the last answer. */
  ms: number;
  submitted: number;
  errors: string[];
  /** SQL statements of one submission alone: its first call, and a repeat of it with the same key. */
  statementsFirstCall?: number;
  statementsRepeatedCall?: number;
  /** SQL statements, argon2 hashes and the server's CPU time (ms) of the whole burst. */
  statementsInBurst?: number;
  argon2RunsInBurst?: number;
  cpuMsInBurst?: number;
}

interface Draft {
  id: string;
  prescriberId: string;
}

/** Makes `drafts` drafts in the clinic (copies of one of its generated drafts) and gives its clinicians a password. */
async function prepare(prisma: PrismaClient, clinicId: string, drafts: number): Promise<Draft[]> {
  const passwordHash = await hashPassword(PASSWORD);
  await prisma.user.updateMany({
    where: { organisationId: clinicId, role: 'CLINICIAN' },
    data: { passwordHash },
  });
  const template = await prisma.order.findFirstOrThrow({
    where: { clinicId, state: 'DRAFT', createdAt: { gt: new Date('2000-01-01T00:00:00Z') } },
    include: { lines: true },
  });
  const trials = await prisma.trial.findMany({
    where: { clinicId, endedOn: null, enteredInErrorAt: null },
    select: { id: true, patientId: true, prescriberId: true },
    orderBy: { id: 'asc' },
    take: drafts,
  });
  const { lines, id: _, rxNumber: __, ...order } = template;
  const made = trials.map((trial) => ({
    ...order,
    id: randomUUID(),
    trialId: trial.id,
    patientId: trial.patientId,
    prescriberId: trial.prescriberId,
    createdById: trial.prescriberId,
    version: 1,
    // Older than every generated order: never a trial's latest, even if a run stops before it deletes them.
    createdAt: new Date('2000-01-01T00:00:00Z'),
  }));
  await prisma.order.createMany({ data: made });
  await prisma.orderLine.createMany({
    data: made.flatMap((draft) =>
      lines.map(({ id: _id, orderId: _order, ...line }) => ({
        ...line,
        id: randomUUID(),
        orderId: draft.id,
      })),
    ),
  });
  return made;
}

/**
 * Deletes the bench's drafts and everything their submission wrote but the audit rows, which are
 * append-only and change no figure. A signature cannot be deleted (a trigger refuses it); the
 * database's owner may set triggers aside for one transaction, so the children go first, by hand.
 */
async function deleteDrafts(prisma: PrismaClient, drafts: readonly Draft[]): Promise<void> {
  const ids = drafts.map((draft) => draft.id);
  const byOrder = { where: { orderId: { in: ids } } };
  await prisma.$transaction(
    [
      prisma.$executeRaw`SET LOCAL session_replication_role = replica`,
      prisma.orderSignature.deleteMany(byOrder),
      prisma.orderEvent.deleteMany(byOrder),
      prisma.orderLine.deleteMany(byOrder),
      prisma.idempotencyKey.deleteMany(byOrder),
      prisma.order.deleteMany({ where: { id: { in: ids } } }),
    ],
    { maxWait: 60_000, timeout: 60_000 },
  );
}

type Call = { cookie: string; input: Record<string, unknown> & { orderId: string } };

/** Sends one submission; the error it was answered with, or null when it answered with its order. */
async function submit(endpoint: string, { cookie, input }: Call): Promise<string | null> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: SUBMIT, variables: { input } }),
  });
  const body = (await response.json()) as {
    data?: { submitOrder?: { id: string } };
    errors?: { message: string }[];
  };
  if (body.errors === undefined && body.data?.submitOrder?.id === input.orderId) return null;
  return body.errors?.[0]?.message ?? 'no order';
}

/** The calls of a draft: `copies` identical submissions with its key. */
const callsOf = (draft: Draft, cookies: Map<string, string>, copies: number): Call[] =>
  Array.from({ length: copies }, () => ({
    cookie: cookies.get(draft.prescriberId) ?? '',
    input: { orderId: draft.id, version: 1, idempotencyKey: `burst-${draft.id}`, password: PASSWORD },
  }));

/** The statements `work` made the server send. */
async function statementsOf(counters: ServerCounters, work: () => Promise<unknown>): Promise<number> {
  const before = await counters.statements();
  await work();
  return (await counters.statements()) - before;
}

export async function submissionBurst(
  prisma: PrismaClient,
  endpoint: string,
  clinicId: string,
  {
    config,
    clock,
    drafts = 200,
    copies = 5,
    counters,
  }: { config: Config; clock: Clock; drafts?: number; copies?: number; counters?: ServerCounters },
): Promise<SubmissionBurst> {
  const all = await prepare(prisma, clinicId, drafts + 1);
  try {
    const cookies = new Map<string, string>();
    for (const prescriberId of new Set(all.map((draft) => draft.prescriberId))) {
      cookies.set(
        prescriberId,
        `${SESSION_COOKIE}=${await createSession(prisma, prescriberId, config, clock, 'bench')}`,
      );
    }
    const [probe, ...made] = all;
    if (probe === undefined) throw new Error('the clinic has no active trial');
    const errors: string[] = [];
    const counts: Partial<SubmissionBurst> = {};
    if (counters !== undefined) {
      const [alone] = callsOf(probe, cookies, 1);
      if (alone === undefined) throw new Error('no call');
      const answered = async () => {
        const error = await submit(endpoint, alone);
        if (error !== null) errors.push(`alone: ${error}`);
      };
      counts.statementsFirstCall = await statementsOf(counters, answered);
      counts.statementsRepeatedCall = await statementsOf(counters, answered);
    }
    const calls = made.flatMap((draft) => callsOf(draft, cookies, copies));
    // Interleaved, so the copies of one key do not arrive one after another.
    calls.sort(() => Math.random() - 0.5);
    const statementsBefore = await counters?.statements();
    const argon2Before = counters?.argon2Runs?.();
    const cpuBefore = counters?.cpuMs?.();
    const started = performance.now();
    await Promise.all(
      calls.map(async (call) => {
        const error = await submit(endpoint, call);
        if (error !== null) errors.push(error);
      }),
    );
    const elapsed = performance.now() - started;
    if (cpuBefore !== undefined) counts.cpuMsInBurst = (counters?.cpuMs?.() ?? 0) - cpuBefore;
    if (statementsBefore !== undefined && counters !== undefined)
      counts.statementsInBurst = (await counters.statements()) - statementsBefore;
    if (argon2Before !== undefined) counts.argon2RunsInBurst = (counters?.argon2Runs?.() ?? 0) - argon2Before;
    const ids = made.map((draft) => draft.id);
    const [submitted, events] = await Promise.all([
      prisma.order.count({ where: { id: { in: ids }, state: 'SUBMITTED' } }),
      prisma.orderEvent.count({ where: { orderId: { in: ids }, toState: 'SUBMITTED' } }),
    ]);
    if (events !== submitted) errors.push(`${events} submissions recorded for ${submitted} orders`);
    return { calls: calls.length, keys: made.length, ms: elapsed, submitted, errors, ...counts };
  } finally {
    await deleteDrafts(prisma, all);
  }
}

/** The burst's line of figures, as `pnpm bench:pages` prints it too. */
export function burstSummary(burst: SubmissionBurst): string {
  const counted =
    burst.statementsFirstCall === undefined
      ? ''
      : `; SQL statements: ${burst.statementsFirstCall} for a first call, ${burst.statementsRepeatedCall} for a repeat, ` +
        `${((burst.statementsInBurst ?? 0) / burst.calls).toFixed(1)} per call in the burst` +
        (burst.argon2RunsInBurst === undefined
          ? ''
          : `; argon2 hashes in the burst: ${burst.argon2RunsInBurst}`) +
        (burst.cpuMsInBurst === undefined ? '' : `; process CPU ${ms(burst.cpuMsInBurst)}`);
  return (
    `submitOrder: ${burst.calls.toLocaleString('en-US')} concurrent calls over ${burst.keys} idempotency keys: ` +
    `last answer after ${ms(burst.ms)}, ${(burst.calls / (burst.ms / 1000)).toFixed(0)} calls/s, ` +
    `${burst.submitted} orders submitted, ${burst.errors.length} errors` +
    (burst.errors.length === 0 ? '' : ` (first: ${burst.errors[0]})`) +
    counted
  );
}
