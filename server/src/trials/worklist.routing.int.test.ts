import { medicationDrugColumns, type Trial } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateOf } from '../graphql/scalars.ts';
import { aTrialInClinic } from '../orders/order.builders.ts';
import { CREATE, FIRST_CAPSULE_PACK, orderWorld } from '../orders/order.fixtures.ts';
import { type Api, apiAs } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { OPERATIONS } from './trial.builders.ts';

interface RoutedItem {
  code: string;
  date: string;
  orderId: string | null;
  medicationId: string | null;
  actionableBy: string[];
  waitsFor: string | null;
  inbox: boolean;
  preparedBy: string | null;
  preparedAt: string | null;
  trial: { id: string };
}

const WORKLIST = `query ($asOf: LocalDate) {
  worklist(asOf: $asOf) {
    code date orderId medicationId actionableBy waitsFor inbox preparedBy preparedAt trial { id }
  }
}`;
const CONFIRM_OPIOID = `mutation ($medicationId: ID!, $version: Int!) {
  confirmPossibleOpioid(medicationId: $medicationId, version: $version) { medication { id } }
}`;

describe('the worklist routes work to who can do it (a clinician’s inbox)', () => {
  const clock = fixedClock('2026-03-10T15:00:00Z');
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  let clinician: Api;
  let coordinator: Api;
  beforeAll(async () => {
    server = await startTestServer({ clock });
    world = await orderWorld(server);
    clinician = apiAs(server, world.cookies.clinician);
    coordinator = apiAs(server, world.cookies.coordinator);
  });
  afterAll(async () => {
    await server?.close();
  });
  const nameOf = async (userId: string) =>
    (await server.db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).name;

  const aTrial = async (): Promise<Trial> =>
    (
      await aTrialInClinic(server.db.prisma, {
        clinicId: world.cast.clinic.id,
        prescriberId: world.cast.clinician.id,
      })
    ).trial;
  const worklistOf = async (api: Api) => (await api<{ worklist: RoutedItem[] }>(WORKLIST)).worklist;
  const aDraftBy = async (api: Api, trial: Trial) =>
    (
      await api<{ createOrder: { id: string; version: number } }>(CREATE, {
        trialId: trial.id,
        input: { ...FIRST_CAPSULE_PACK, fromDate: '2026-03-10' },
      })
    ).createOrder;

  it('puts a coordinator’s draft in the clinician’s inbox, with who prepared it and when', async () => {
    const trial = await aTrial();
    const draft = await aDraftBy(coordinator, trial);
    const items = (await worklistOf(clinician)).filter((item) => item.orderId === draft.id);
    const { createdAt } = await server.db.prisma.order.findUniqueOrThrow({ where: { id: draft.id } });
    expect(items).toEqual([
      {
        code: 'ORDER_AWAITING_SIGNATURE',
        date: isoDateOf(createdAt),
        orderId: draft.id,
        medicationId: null,
        actionableBy: ['CLINICIAN'],
        waitsFor: null,
        inbox: true,
        preparedBy: await nameOf(world.cast.coordinator.id),
        preparedAt: createdAt.toISOString(),
        trial: { id: trial.id },
      },
    ]);
  });

  it('shows the coordinator the same draft as waiting for a clinician, whose signature it needs', async () => {
    const draft = await aDraftBy(coordinator, await aTrial());
    const [item] = (await worklistOf(coordinator)).filter((i) => i.orderId === draft.id);
    expect(item).toMatchObject({ code: 'ORDER_AWAITING_SIGNATURE', waitsFor: 'CLINICIAN', inbox: true });
    await expect(
      coordinator('mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { id } }', {
        input: {
          orderId: draft.id,
          version: draft.version,
          idempotencyKey: `sign-${draft.id}`,
          password: 'x',
        },
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('lists a clinician’s own drafts too, and no draft once it is cancelled or sent', async () => {
    const own = await aDraftBy(clinician, await aTrial());
    const cancelled = await aDraftBy(coordinator, await aTrial());
    const sent = await aDraftBy(coordinator, await aTrial());
    await coordinator('mutation ($input: ReasonedOrderInput!) { cancelOrder(input: $input) { id } }', {
      input: { orderId: cancelled.id, version: cancelled.version, reason: 'Made by mistake' },
    });
    // Signing is tested with the order; here only its outcome matters: no longer a draft.
    await server.db.prisma.order.update({ where: { id: sent.id }, data: { state: 'SUBMITTED' } });
    const drafts = (await worklistOf(clinician)).filter((i) => i.code === 'ORDER_AWAITING_SIGNATURE');
    const ids = drafts.map((i) => i.orderId);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(cancelled.id);
    expect(ids).not.toContain(sent.id);
    expect(drafts.find((i) => i.orderId === own.id)?.preparedBy).toBe(await nameOf(world.cast.clinician.id));
  });

  it('keeps a draft left on a trial that has since ended, and none on a trial entered in error', async () => {
    const ended = await aTrial();
    const left = await aDraftBy(coordinator, ended);
    const voided = await aTrial();
    const onVoided = await aDraftBy(coordinator, voided);
    await server.db.prisma.trial.update({
      where: { id: ended.id },
      data: { state: 'DISCONTINUED', endedOn: new Date('2026-03-10T00:00:00Z') },
    });
    await server.db.prisma.trial.update({
      where: { id: voided.id },
      data: {
        enteredInErrorAt: new Date('2026-03-10T12:00:00Z'),
        enteredInErrorById: world.cast.clinician.id,
      },
    });
    const items = await worklistOf(clinician);
    // The ended trial is listed for its draft only: no action of its own.
    expect(items.filter((i) => i.trial.id === ended.id).map((i) => [i.code, i.orderId])).toEqual([
      ['ORDER_AWAITING_SIGNATURE', left.id],
    ]);
    expect(items.filter((i) => i.trial.id === voided.id || i.orderId === onVoided.id)).toEqual([]);
  });

  it('puts a possible opioid in the inbox; a coordinator sees it wait, and cannot confirm it', async () => {
    const trial = await aTrial();
    const medication = await server.db.prisma.medication.create({
      data: {
        patientId: trial.patientId,
        ...medicationDrugColumns('Tylenol #3'),
        needsReview: true,
        recordedById: world.cast.coordinator.id,
      },
    });
    const routed = async (api: Api) =>
      (await worklistOf(api)).find((item) => item.medicationId === medication.id);
    expect(await routed(clinician)).toMatchObject({
      code: 'POSSIBLE_OPIOID_REVIEW',
      inbox: true,
      actionableBy: ['CLINICIAN'],
      waitsFor: null,
    });
    expect(await routed(coordinator)).toMatchObject({ waitsFor: 'CLINICIAN', inbox: true });
    await expect(
      coordinator(CONFIRM_OPIOID, { medicationId: medication.id, version: medication.version }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('marks a due dose step as waiting for a clinician, and a trial on hold as the coordinator’s to resume', async () => {
    const stepDue = await aTrial(); // started 03-01: 3.0 mg due 03-15, listed as of then
    const held = await aTrial();
    await coordinator(OPERATIONS.hold, {
      trialId: held.id,
      input: { heldOn: '2026-03-10', reason: 'ADVERSE_EFFECT' },
    });
    const items = (await coordinator<{ worklist: RoutedItem[] }>(WORKLIST, { asOf: '2026-03-15' })).worklist;
    expect(items.find((i) => i.trial.id === stepDue.id && i.code === 'DOSE_STEP_DUE')).toMatchObject({
      actionableBy: ['CLINICIAN'],
      waitsFor: 'CLINICIAN',
      inbox: false,
    });
    expect(items.find((i) => i.trial.id === held.id && i.code === 'TRIAL_ON_HOLD')).toMatchObject({
      actionableBy: ['CLINICIAN', 'COORDINATOR'],
      waitsFor: null,
      inbox: false,
    });
    await expect(
      coordinator(OPERATIONS.changeDose, {
        trialId: stepDue.id,
        input: { changedOn: '2026-03-15', doseMg: 3 },
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(
      coordinator(OPERATIONS.resume, { trialId: held.id, input: { resumedOn: '2026-03-10' } }),
    ).resolves.toBeDefined();
  });

  it('shows another clinic none of these drafts', async () => {
    await aDraftBy(coordinator, await aTrial());
    expect(await worklistOf(apiAs(server, world.cookies.otherClinician))).toEqual([]);
  });

  it('costs the same number of SQL statements for 10 and for 100 drafts', async () => {
    const template = await server.db.prisma.order.findFirstOrThrow({ where: { state: 'DRAFT' } });
    const { id: _, createdAt: __, updatedAt: ___, ...row } = template;
    const addDrafts = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const trial = await aTrial();
        await server.db.prisma.order.create({
          data: {
            ...row,
            trialId: trial.id,
            patientId: trial.patientId,
            createdById: world.cast.coordinator.id,
          },
        });
      }
    };
    const countStatements = async () => {
      let statements = 0;
      const stop = server.db.onStatement(() => {
        statements += 1;
      });
      try {
        await worklistOf(clinician);
      } finally {
        stop();
      }
      return statements;
    };
    await addDrafts(10);
    const withTen = await countStatements();
    await addDrafts(90);
    const withHundred = await countStatements();
    const drafts = (await worklistOf(clinician)).filter((i) => i.code === 'ORDER_AWAITING_SIGNATURE');
    expect(drafts.length).toBeGreaterThanOrEqual(100);
    expect(withHundred).toBe(withTen);
  });
});
