import type { User } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Repositories } from '../access/repositories.ts';
import { TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aDraftToSign, orderWorld } from './order.fixtures.ts';
import { submitAsSigner } from './order-submission.ts';

// The submission's writes are one statement; these races go past the process's sharing of
// identical calls (order-submission.ts), as calls served by several API processes would: each
// call below is a request of its own on the same database.

const KEY_REUSED = { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' };
const SIGN = 'mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { id state version } }';

describe('submitting a signed order', () => {
  const clock = fixedClock('2026-03-01T15:00:00Z');
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let signer: User;
  let requests = 0;
  beforeAll(async () => {
    server = await startTestServer({ clock });
    world = await orderWorld(server);
    signer = await server.db.prisma.user.findUniqueOrThrow({ where: { id: world.cast.clinician.id } });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The clinic's repository of a request of its own by the clinician. */
  function aRequest() {
    requests += 1;
    const viewer = {
      userId: signer.id,
      sessionId: `session-${requests}`,
      organisationId: world.cast.clinic.id,
      organisationKind: 'CLINIC' as const,
      role: signer.role,
      name: signer.name,
    };
    return new Repositories(server.db.prisma, viewer, `request-${requests}`).clinic();
  }

  const aDraft = () => aDraftToSign(server, world, signer.id);

  /** The submission of `draft` with the key `key`, as a request of its own sends it. */
  const submitted = (draft: { id: string; version: number }, key: string) =>
    submitAsSigner(
      aRequest(),
      signer,
      { orderId: draft.id, version: draft.version, idempotencyKey: key },
      clock.now(),
    );

  /** What the portal sends to sign `draft` with the key `key`. */
  const signing = (draft: { id: string; version: number }, key: string) => ({
    orderId: draft.id,
    version: draft.version,
    idempotencyKey: key,
    password: TEST_PASSWORD,
  });

  /** What the submissions of `orderId` wrote. */
  async function written(orderId: string) {
    const prisma = server.db.prisma;
    const where = { orderId };
    return {
      order: await prisma.order.findUniqueOrThrow({
        where: { id: orderId },
        select: { state: true, version: true },
      }),
      events: await prisma.orderEvent.count({ where: { ...where, toState: 'SUBMITTED' } }),
      signatures: await prisma.orderSignature.count({ where }),
      keys: await prisma.idempotencyKey.count({ where }),
      audited: await prisma.auditLog.count({ where: { action: 'SUBMIT', entityId: orderId } }),
    };
  }

  it('writes a submission once when its key is sent by ten requests at once, and answers each with it', async () => {
    const draft = await aDraft();
    const answers = await Promise.all(Array.from({ length: 10 }, () => submitted(draft, `race-${draft.id}`)));
    expect(new Set(answers.map((answer) => `${answer.id} ${answer.state}`))).toEqual(
      new Set([`${draft.id} SUBMITTED`]),
    );
    expect(await written(draft.id)).toEqual({
      order: { state: 'SUBMITTED', version: draft.version + 1 },
      events: 1,
      signatures: 1,
      keys: 1,
      audited: 1,
    });
  });

  it('lets one of two keys sent for one draft at once submit it; the other is CONFLICT', async () => {
    const draft = await aDraft();
    const outcomes = await Promise.allSettled(
      ['first', 'second'].map((key) => submitted(draft, `${key}-${draft.id}`)),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [refused] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await written(draft.id)).toMatchObject({ events: 1, signatures: 1, keys: 1 });
  });

  it('submits one of two drafts sent at once with one key; the other stays a draft, refused', async () => {
    const drafts = [await aDraft(), await aDraft()];
    const outcomes = await Promise.allSettled(
      drafts.map((draft) => submitted(draft, `shared-${drafts[0]?.id}`)),
    );
    const [refused] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toMatchObject({ extensions: KEY_REUSED });
    const states = await Promise.all(drafts.map(async (draft) => (await written(draft.id)).order.state));
    expect(states.sort()).toEqual(['DRAFT', 'SUBMITTED']);
  });

  it('gives drafts submitted at once to one pharmacy consecutive Rx numbers, none twice', async () => {
    const drafts = [];
    for (let i = 0; i < 12; i += 1) drafts.push(await aDraft());
    await Promise.all(drafts.map((draft) => submitted(draft, `rx-${draft.id}`)));
    const numbered = await server.db.prisma.order.findMany({
      where: { id: { in: drafts.map((draft) => draft.id) } },
      select: { rxNumber: true },
    });
    const numbers = numbered.map((order) => order.rxNumber ?? 0).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(drafts.length);
    expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(drafts.length - 1);
  });

  it('answers an identical retry made just after with the first answer, sending nothing for it', async () => {
    const draft = await aDraft();
    const input = signing(draft, `again-${draft.id}`);
    const first = await server.graphql(SIGN, { input }, { cookie: world.cookies.clinician });
    const sent: string[] = [];
    const stop = server.db.onStatement((sql) => sent.push(sql));
    const retry = await server.graphql(SIGN, { input }, { cookie: world.cookies.clinician });
    stop();
    expect(retry.data).toEqual(first.data);
    expect(
      sent.filter((sql) => /"(Order|OrderLine|OrderSignature|IdempotencyKey|SignInThrottle)"/.test(sql)),
    ).toEqual([]);
  });

  it('checks a retry with another password on its own: a wrong one is refused', async () => {
    const draft = await aDraft();
    const input = signing(draft, `wrong-${draft.id}`);
    expect(
      (await server.graphql(SIGN, { input }, { cookie: world.cookies.clinician })).errors,
    ).toBeUndefined();
    const retry = await server.graphql(
      SIGN,
      { input: { ...input, password: 'not the password' } },
      { cookie: world.cookies.clinician },
    );
    expect(retry.errors?.[0]?.extensions?.code).toBe('SIGNATURE_INVALID');
  });
});
