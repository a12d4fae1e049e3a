import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDraftToSign, orderWorld } from '../orders/order.fixtures.ts';
import { aPerson, signIn, TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { argon2RunsSoFar, hashPassword } from './password.ts';
import { CONFIRMATION_KEPT_MS } from './password-confirmation.ts';

// A clinician signs a batch of orders with the password each time (21 CFR 11.200(a)(1)); argon2
// confirms it once, and the next signatures within CONFIRMATION_KEPT_MS are checked against what
// argon2 confirmed. Counted in argon2 hashes, not in time.

const SIGN = 'mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { id state } }';
const LIMIT = 3;

describe('confirming signatures with a password argon2 has just confirmed', () => {
  const clock = fixedClock('2026-03-01T15:00:00Z');
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  beforeAll(async () => {
    server = await startTestServer({
      clock,
      throttle: { maxFailures: LIMIT, lockMinutes: 15, windowMinutes: 15, delayStepMs: 0 },
    });
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A clinician of the clinic of their own, signed in, whose drafts they sign. */
  async function aClinician() {
    const person = await aPerson(server.db.prisma, world.cast.clinic.id, 'CLINICIAN');
    const cookie = await signIn(server, person);
    const aDraft = () => aDraftToSign(server, world, person.id);
    /** Signs `draft` (a new one by default) with `password`; the error code, or the order's new state. */
    const signs = async (password: string, draft?: { id: string; version: number }) => {
      draft ??= await aDraft();
      const answer = await server.graphql<{ submitOrder: { state: string } }>(
        SIGN,
        {
          input: { orderId: draft.id, version: draft.version, idempotencyKey: `sign-${draft.id}`, password },
        },
        { cookie },
      );
      return answer.errors?.[0]?.extensions?.code ?? answer.data?.submitOrder.state;
    };
    return { ...person, aDraft, signs };
  }

  /** The outcome of `work` and the argon2 hashes it cost. */
  async function hashesOf<T>(work: () => Promise<T>): Promise<{ outcome: T; hashes: number }> {
    const before = argon2RunsSoFar();
    const outcome = await work();
    return { outcome, hashes: argon2RunsSoFar() - before };
  }

  it('hashes the password once for a batch of signatures, each signed with it', async () => {
    const clinician = await aClinician();
    const batch = await hashesOf(async () => [
      await clinician.signs(TEST_PASSWORD),
      await clinician.signs(TEST_PASSWORD),
      await clinician.signs(TEST_PASSWORD),
    ]);
    expect(batch).toEqual({ outcome: ['SUBMITTED', 'SUBMITTED', 'SUBMITTED'], hashes: 1 });
  });

  it('hashes again once the confirmation is CONFIRMATION_KEPT_MS old, not a millisecond before', async () => {
    const clinician = await aClinician();
    const confirmedAt = clock.now().getTime();
    expect(await hashesOf(() => clinician.signs(TEST_PASSWORD))).toMatchObject({ hashes: 1 });
    clock.set(new Date(confirmedAt + CONFIRMATION_KEPT_MS - 1).toISOString());
    expect(await hashesOf(() => clinician.signs(TEST_PASSWORD))).toEqual({ outcome: 'SUBMITTED', hashes: 0 });
    clock.set(new Date(confirmedAt + CONFIRMATION_KEPT_MS).toISOString());
    expect(await hashesOf(() => clinician.signs(TEST_PASSWORD))).toEqual({ outcome: 'SUBMITTED', hashes: 1 });
  });

  it('refuses, audits and counts a wrong password right after the right one was confirmed', async () => {
    const clinician = await aClinician();
    expect(await clinician.signs(TEST_PASSWORD)).toBe('SUBMITTED');
    const draft = await clinician.aDraft();
    const before = await server.db.prisma.auditLog.count({ where: { action: 'SIGNATURE_REFUSED' } });
    const wrong = await hashesOf(() => clinician.signs('not my password', draft));
    expect(wrong).toEqual({ outcome: 'SIGNATURE_INVALID', hashes: 1 });
    expect(await server.db.prisma.auditLog.count({ where: { action: 'SIGNATURE_REFUSED' } })).toBe(
      before + 1,
    );
    const counted = await server.db.prisma.signInThrottle.findUnique({
      where: { key: `email:${clinician.email}` },
    });
    expect(counted?.failures).toBe(1);
    expect(await server.db.prisma.order.findUnique({ where: { id: draft.id } })).toMatchObject({
      state: 'DRAFT',
    });
  });

  it('refuses the old password once the stored one has changed, and confirms the new one', async () => {
    const clinician = await aClinician();
    expect(await clinician.signs(TEST_PASSWORD)).toBe('SUBMITTED');
    const next = 'a new password for the next month';
    await server.db.prisma.user.update({
      where: { id: clinician.id },
      data: { passwordHash: await hashPassword(next) },
    });
    expect(await hashesOf(() => clinician.signs(TEST_PASSWORD))).toEqual({
      outcome: 'SIGNATURE_INVALID',
      hashes: 1,
    });
    expect(await clinician.signs(next)).toBe('SUBMITTED');
  });

  it('does not lend one clinician’s confirmation to another with the same password and stored hash', async () => {
    const first = await aClinician();
    const second = await aClinician();
    const stored = await server.db.prisma.user.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(new Set(stored.map((person) => person.passwordHash)).size).toBe(1);
    expect(await first.signs(TEST_PASSWORD)).toBe('SUBMITTED');
    expect(await hashesOf(() => second.signs(TEST_PASSWORD))).toEqual({ outcome: 'SUBMITTED', hashes: 1 });
  });

  it('refuses even a password just confirmed once wrong guesses have locked the account', async () => {
    const clinician = await aClinician();
    expect(await clinician.signs(TEST_PASSWORD)).toBe('SUBMITTED');
    for (let guess = 1; guess <= LIMIT; guess += 1) {
      expect(await clinician.signs(`guess number ${guess}`)).toBe('SIGNATURE_INVALID');
    }
    expect(await hashesOf(() => clinician.signs(TEST_PASSWORD))).toEqual({
      outcome: 'TOO_MANY_REQUESTS',
      hashes: 0,
    });
  });
});
