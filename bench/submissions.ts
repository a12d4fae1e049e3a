import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../prisma/src/index.ts';
import { hashPassword } from '../server/src/auth/password.ts';
import { createSession, SESSION_COOKIE } from '../server/src/auth/sessions.ts';
import type { Clock } from '../server/src/platform/clock.ts';
import type { Config } from '../server/src/platform/config.ts';

// A burst of order submissions, as `pnpm bench:pages` runs it after the pages: DRAFTS drafts of one
// clinic, one per active trial, each signed by the trial's prescriber and sent COPIES times at once
// with its idempotency key (a retry storm on top of a clinic's batch of signatures), all at the same
// moment over HTTP. Every draft must be submitted exactly once and every call answered with it.

const PASSWORD = 'bench-password-2026';
const SUBMIT = `mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { id state } }`;

export interface SubmissionBurst {
  calls: number;
  keys: number;
  /** From the first call sent to the last answer. */
  ms: number;
  submitted: number;
  errors: string[];
}

/** Makes `drafts` drafts in the clinic (copies of one of its generated drafts) and gives its clinicians a password. */
async function prepare(prisma: PrismaClient, clinicId: string, drafts: number) {
  const passwordHash = await hashPassword(PASSWORD);
  await prisma.user.updateMany({
    where: { organisationId: clinicId, role: 'CLINICIAN' },
    data: { passwordHash },
  });
  const template = await prisma.order.findFirstOrThrow({
    where: { clinicId, state: 'DRAFT' },
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
    // Older than every generated order: never a trial's latest, so a later run's worklist is unchanged.
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

export async function submissionBurst(
  prisma: PrismaClient,
  endpoint: string,
  clinicId: string,
  {
    config,
    clock,
    drafts = 200,
    copies = 5,
  }: { config: Config; clock: Clock; drafts?: number; copies?: number },
): Promise<SubmissionBurst> {
  const made = await prepare(prisma, clinicId, drafts);
  const cookies = new Map<string, string>();
  for (const prescriberId of new Set(made.map((draft) => draft.prescriberId))) {
    cookies.set(
      prescriberId,
      `${SESSION_COOKIE}=${await createSession(prisma, prescriberId, config, clock, 'bench')}`,
    );
  }
  const calls = made.flatMap((draft) =>
    Array.from({ length: copies }, () => ({
      cookie: cookies.get(draft.prescriberId) ?? '',
      input: { orderId: draft.id, version: 1, idempotencyKey: `burst-${draft.id}`, password: PASSWORD },
    })),
  );
  // Interleaved, so the copies of one key do not arrive one after another.
  calls.sort(() => Math.random() - 0.5);
  const errors: string[] = [];
  const started = performance.now();
  await Promise.all(
    calls.map(async ({ cookie, input }) => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: SUBMIT, variables: { input } }),
      });
      const body = (await response.json()) as {
        data?: { submitOrder?: { id: string } };
        errors?: { message: string }[];
      };
      if (body.errors !== undefined || body.data?.submitOrder?.id !== input.orderId) {
        errors.push(body.errors?.[0]?.message ?? 'no order');
      }
    }),
  );
  const ms = performance.now() - started;
  const ids = made.map((draft) => draft.id);
  const [submitted, events] = await Promise.all([
    prisma.order.count({ where: { id: { in: ids }, state: 'SUBMITTED' } }),
    prisma.orderEvent.count({ where: { orderId: { in: ids }, toState: 'SUBMITTED' } }),
  ]);
  if (events !== submitted) errors.push(`${events} submissions recorded for ${submitted} orders`);
  return { calls: calls.length, keys: made.length, ms, submitted, errors };
}
