import { Writable } from 'node:stream';
import { signedOrderContentHash } from '@ldn/db';
import { ORDER_SIGNATURE_MEANING } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPerson, signIn, TEST_PASSWORD, type TestPerson } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aTrialInClinic } from './order.builders.ts';
import { CAPSULE_PACK, CREATE, orderWorld } from './order.fixtures.ts';

// Submitting an order is the prescriber's electronic signature (issue 15; 21 CFR 11.50, 11.70,
// 11.200): the password re-entered confirms it, the order keeps who signed, when and what it
// means, and a hash of what was signed.

const SIGNATURE = 'signature { signerName signerNpi signedAt meaning matchesOrder }';
const SIGN = `mutation ($input: SubmitOrderInput!) {
  submitOrder(input: $input) { id state version prescriberName prescriberNpi ${SIGNATURE} }
}`;
const CLINIC_ORDER = `query ($id: ID!) {
  order(id: $id) { id state version prescriberName ${SIGNATURE} patient { givenName familyName dateOfBirth mrn } }
}`;
const PHARMACY_ORDER = `query ($id: ID!) { pharmacyOrder(id: $id) { id state ${SIGNATURE} } }`;
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }';

// The throttle's limit for these tests: three wrong passwords, then a lock of 15 minutes.
const LIMIT = 3;

interface Signed {
  submitOrder: {
    id: string;
    state: string;
    version: number;
    prescriberName: string;
    prescriberNpi: string;
    signature: Record<string, unknown> | null;
  };
}

describe('signing an order with the password', () => {
  const clock = fixedClock('2026-03-01T15:00:00Z');
  const logLines: string[] = [];
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  beforeAll(async () => {
    server = await startTestServer({
      clock,
      throttle: { maxFailures: LIMIT, lockMinutes: 15, windowMinutes: 15, delayStepMs: 0 },
      // Everything the server would log, at its most talkative.
      env: { LOG_LEVEL: 'trace' },
      logTo: new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    });
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /**
   * A DRAFT prepared by the coordinator on a trial of its own (the trial's clinician is its
   * prescriber until it is signed).
   */
  async function aDraft() {
    const { trial } = await aTrialInClinic(server.db.prisma, {
      clinicId: world.cast.clinic.id,
      prescriberId: world.cast.clinician.id,
    });
    const created = await server.graphql<{ createOrder: { id: string; version: number } }>(
      CREATE,
      { trialId: trial.id, input: CAPSULE_PACK },
      { cookie: world.cookies.coordinator },
    );
    if (created.data == null) throw new Error(`no draft: ${JSON.stringify(created.errors)}`);
    return created.data.createOrder;
  }

  const sign = (
    draft: { id: string; version: number },
    password: string,
    cookie = world.cookies.clinician,
    idempotencyKey = `sign-${draft.id}`,
  ) =>
    server.graphql<Signed>(
      SIGN,
      { input: { orderId: draft.id, version: draft.version, idempotencyKey, password } },
      { cookie },
    );

  const codeOf = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    answer.errors?.[0]?.extensions?.code;

  /** The order as stored, with what a signature would change. */
  const stored = async (orderId: string) => {
    const order = await server.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    return {
      state: order.state,
      version: order.version,
      submittedAt: order.submittedAt,
      prescriberId: order.prescriberId,
      signatures: await server.db.prisma.orderSignature.count({ where: { orderId } }),
      submissions: await server.db.prisma.orderEvent.count({ where: { orderId, toState: 'SUBMITTED' } }),
    };
  };

  /** Another clinician of the clinic, signed in, with a throttle count of their own. */
  async function anotherClinician(): Promise<TestPerson & { cookie: string; name: string }> {
    const person = await aPerson(server.db.prisma, world.cast.clinic.id, 'CLINICIAN', { npi: '1245319599' });
    const { name } = await server.db.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    return { ...person, name, cookie: await signIn(server, person) };
  }

  it('signs with the right password: SUBMITTED, with who signed, when and what it means', async () => {
    const draft = await aDraft();
    const answer = await sign(draft, TEST_PASSWORD);
    expect(answer.errors).toBeUndefined();
    const clinician = await server.db.prisma.user.findUniqueOrThrow({
      where: { id: world.cast.clinician.id },
    });
    expect(answer.data?.submitOrder).toMatchObject({
      id: draft.id,
      state: 'SUBMITTED',
      signature: {
        signerName: clinician.name,
        signerNpi: clinician.npi,
        signedAt: '2026-03-01T15:00:00.000Z',
        meaning: ORDER_SIGNATURE_MEANING,
        matchesOrder: true,
      },
    });
    // The hash is of the content as submitted: recomputed from the rows, it is the one stored.
    const order = await server.db.prisma.order.findUniqueOrThrow({
      where: { id: draft.id },
      include: { lines: true, patient: true, signature: true },
    });
    expect(order.signature?.contentHash).toBe(signedOrderContentHash(order, order.lines, order.patient));
    expect(order.signature?.signerId).toBe(clinician.id);
  });

  it('shows the signature to the clinic and to the pharmacy the order is addressed to', async () => {
    const draft = await aDraft();
    const unsigned = await server.graphql<{ order: { signature: unknown } }>(
      CLINIC_ORDER,
      { id: draft.id },
      { cookie: world.cookies.coordinator },
    );
    expect(unsigned.data?.order.signature).toBeNull();
    const signature = (await sign(draft, TEST_PASSWORD)).data?.submitOrder.signature;
    const clinic = await server.graphql<{ order: { signature: unknown; patient: unknown } }>(
      CLINIC_ORDER,
      { id: draft.id },
      { cookie: world.cookies.coordinator },
    );
    expect(clinic.data?.order.signature).toEqual(signature);
    // The order names its patient by the identifiers the banner shows.
    const patient = await server.db.prisma.patient.findFirstOrThrow({
      where: { orders: { some: { id: draft.id } } },
    });
    expect(clinic.data?.order.patient).toEqual({
      givenName: 'Maria',
      familyName: 'Alvarez',
      dateOfBirth: '1970-04-02',
      mrn: patient.mrn,
    });
    const pharmacy = await server.graphql<{ pharmacyOrder: { signature: unknown } }>(
      PHARMACY_ORDER,
      { id: draft.id },
      { cookie: world.cookies.pharmacist },
    );
    expect(pharmacy.data?.pharmacyOrder.signature).toEqual(signature);
  });

  it('makes the clinician who signs the prescriber of a draft prepared for another', async () => {
    const covering = await anotherClinician();
    const draft = await aDraft();
    expect((await stored(draft.id)).prescriberId).toBe(world.cast.clinician.id);
    const answer = await sign(draft, TEST_PASSWORD, covering.cookie);
    expect(answer.data?.submitOrder).toMatchObject({
      prescriberName: covering.name,
      prescriberNpi: '1245319599',
      signature: { signerName: covering.name, signerNpi: '1245319599', matchesOrder: true },
    });
    expect((await stored(draft.id)).prescriberId).toBe(covering.id);
  });

  it('refuses a wrong password with SIGNATURE_INVALID, changes nothing, and keeps the session', async () => {
    const draft = await aDraft();
    const before = await stored(draft.id);
    const answer = await sign(draft, 'not my password');
    expect(answer.data).toBeNull();
    expect(codeOf(answer)).toBe('SIGNATURE_INVALID');
    expect(await stored(draft.id)).toEqual(before);
    const refusal = await server.db.prisma.auditLog.findFirst({
      where: { action: 'SIGNATURE_REFUSED', entityId: draft.id },
    });
    expect(refusal).toMatchObject({ actorId: world.cast.clinician.id, entity: 'Order' });
    // Not UNAUTHENTICATED: the person is still signed in.
    const me = await server.graphql<{ me: { id: string } }>(
      '{ me { id } }',
      {},
      { cookie: world.cookies.clinician },
    );
    expect(me.data?.me.id).toBe(world.cast.clinician.id);
    // The refused attempt did not use up the key: the same submission with the password signs.
    expect((await sign(draft, TEST_PASSWORD)).data?.submitOrder.state).toBe('SUBMITTED');
  });

  it('refuses a submission without a password as BAD_USER_INPUT', async () => {
    const draft = await aDraft();
    const answer = await sign(draft, '');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await stored(draft.id)).state).toBe('DRAFT');
  });

  it('counts wrong passwords with sign-in’s: past the limit even the right one is refused, and so is signing in', async () => {
    const guessed = await anotherClinician();
    const draft = await aDraft();
    for (let attempt = 1; attempt <= LIMIT; attempt += 1) {
      expect(codeOf(await sign(draft, `guess number ${attempt}`, guessed.cookie))).toBe('SIGNATURE_INVALID');
    }
    expect(codeOf(await sign(draft, TEST_PASSWORD, guessed.cookie))).toBe('TOO_MANY_REQUESTS');
    expect((await stored(draft.id)).state).toBe('DRAFT');
    const signingIn = await server.graphql(SIGN_IN, {
      input: { email: guessed.email, password: TEST_PASSWORD },
    });
    expect(codeOf(signingIn)).toBe('TOO_MANY_REQUESTS');
  });

  it('checks at most the limit of wrong passwords sent at once', async () => {
    const guessed = await anotherClinician();
    const draft = await aDraft();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        sign(draft, `parallel guess ${i}`, guessed.cookie, `guess-key-${i}`),
      ),
    );
    const codes = answers.map(codeOf);
    expect(codes.filter((code) => code === 'SIGNATURE_INVALID')).toHaveLength(LIMIT);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(10 - LIMIT);
    expect((await stored(draft.id)).state).toBe('DRAFT');
  });

  it.each([
    ['coordinator', 'FORBIDDEN'],
    ['pharmacist', 'FORBIDDEN'],
    ['admin', 'FORBIDDEN'],
    ['otherClinician', 'NOT_FOUND'],
  ] as const)('refuses the %s with %s, even with the right password', async (who, code) => {
    const draft = await aDraft();
    const before = await stored(draft.id);
    expect(codeOf(await sign(draft, TEST_PASSWORD, world.cookies[who]))).toBe(code);
    expect(await stored(draft.id)).toEqual(before);
  });

  it('answers a retry with the same key with the same order, signed once', async () => {
    const draft = await aDraft();
    const first = await sign(draft, TEST_PASSWORD);
    const retry = await sign(draft, TEST_PASSWORD);
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.submitOrder).toEqual(first.data?.submitOrder);
    expect(await stored(draft.id)).toMatchObject({ state: 'SUBMITTED', signatures: 1, submissions: 1 });
  });

  it('signs once when a double click sends the same submission several times at once', async () => {
    const draft = await aDraft();
    const answers = await Promise.all(Array.from({ length: 8 }, () => sign(draft, TEST_PASSWORD)));
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect(new Set(answers.map((answer) => answer.data?.submitOrder.id))).toEqual(new Set([draft.id]));
    expect(await stored(draft.id)).toMatchObject({ state: 'SUBMITTED', signatures: 1, submissions: 1 });
  });

  it('shows that the order no longer reads as signed when its content is changed afterwards', async () => {
    const draft = await aDraft();
    await sign(draft, TEST_PASSWORD);
    await server.db.prisma.orderLine.updateMany({
      where: { orderId: draft.id, sequence: 1 },
      data: { directions: 'Take two capsules at bedtime' },
    });
    const read = await server.graphql<{ order: { signature: { matchesOrder: boolean } } }>(
      CLINIC_ORDER,
      { id: draft.id },
      { cookie: world.cookies.clinician },
    );
    expect(read.data?.order.signature.matchesOrder).toBe(false);
  });

  it('cannot have its signature changed or removed, whatever sends the statement', async () => {
    const draft = await aDraft();
    await sign(draft, TEST_PASSWORD);
    const where = { orderId: draft.id };
    await expect(
      server.db.prisma.orderSignature.updateMany({ where, data: { signerName: 'Someone else' } }),
    ).rejects.toThrow();
    await expect(server.db.prisma.orderSignature.deleteMany({ where })).rejects.toThrow();
    expect(await server.db.prisma.orderSignature.count({ where })).toBe(1);
  });

  it('keeps every password sent out of the audit log, the stored rows and the logs', async () => {
    const draft = await aDraft();
    await sign(draft, 'a wrong password to look for');
    await sign(draft, TEST_PASSWORD);
    await sign(draft, 'x'.repeat(201), world.cookies.clinician, 'too-long-password');
    expect(logLines.length).toBeGreaterThan(0);
    const written = JSON.stringify(
      [
        await server.db.prisma.auditLog.findMany(),
        await server.db.prisma.idempotencyKey.findMany(),
        await server.db.prisma.orderSignature.findMany(),
        await server.db.prisma.orderEvent.findMany(),
        await server.db.prisma.signInThrottle.findMany(),
        logLines,
      ],
      // The audit log's ids are bigints, which JSON has no form for.
      (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value),
    );
    for (const password of [TEST_PASSWORD, 'a wrong password to look for', 'guess number', 'x'.repeat(201)]) {
      expect(written).not.toContain(password);
    }
  });
});
