import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  type Api,
  aPatientReadyToStart,
  apiAs,
  OPERATIONS,
  refusedFindingCodes,
  startInput,
  trialRowCounts,
} from './trial.builders.ts';

interface Changed {
  changeDose: {
    id: string;
    state: string;
    version: number;
    status: { currentDoseMg: number; nextStep: { date: string; doseMg: number } | null };
    doseChanges: { changedOn: string; doseMg: number }[];
    overrides: { action: string; code: string; reason: string; givenBy: string; givenAt: string }[];
  };
}

describe('changing the dose of a trial', () => {
  const clock = fixedClock('2026-04-01T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let clinician: Api;
  let trialId: string;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    clinician = apiAs(server, await signIn(server, cast.clinician));
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    const { startTrial } = await clinician<{ startTrial: { id: string } }>(OPERATIONS.start, {
      patientId: patient.id,
      input: startInput(),
    });
    trialId = startTrial.id;
  });

  const change = async (input: Record<string, unknown>, id = trialId) =>
    (await clinician<Changed>(OPERATIONS.changeDose, { trialId: id, input })).changeDose;

  it('steps up to 3.0 mg on day 14 and projects 4.5 mg two weeks later', async () => {
    const trial = await change({ changedOn: '2026-03-15', doseMg: 3 });
    expect(trial).toMatchObject({
      state: 'TITRATING',
      version: 2,
      doseChanges: [{ changedOn: '2026-03-15', doseMg: 3 }],
      status: { currentDoseMg: 3, nextStep: { date: '2026-03-29', doseMg: 4.5 } },
      overrides: [],
    });
    expect(
      await server.db.prisma.auditLog.count({ where: { action: 'DOSE_CHANGE', entityId: trialId } }),
    ).toBe(1);
  });

  it('reaches the target with the second step', async () => {
    await change({ changedOn: '2026-03-15', doseMg: 3 });
    const trial = await change({ changedOn: '2026-03-29', doseMg: 4.5 });
    expect(trial).toMatchObject({ state: 'AT_TARGET', status: { currentDoseMg: 4.5, nextStep: null } });
  });

  it.each([
    [5, ['DOSE_ABOVE_MAXIMUM']],
    [45, ['DOSE_ABOVE_MAXIMUM']],
    [4.55, ['DOSE_ABOVE_MAXIMUM', 'DOSE_INVALID']],
  ])('refuses %s mg as a rule violation (hard stop, no override)', async (doseMg, codes) => {
    const overrides = [{ code: 'TITRATION_TOO_FAST', reason: 'patient asked for a faster step' }];
    const refusal = change({ changedOn: '2026-03-15', doseMg, overrides });
    await expect(refusal).rejects.toMatchObject({ extensions: { code: 'RULE_VIOLATION' } });
    expect(await refusedFindingCodes(refusal)).toEqual(expect.arrayContaining(codes));
  });

  it('needs an override for a step on day 13 (TITRATION_TOO_FAST)', async () => {
    await expect(change({ changedOn: '2026-03-14', doseMg: 3 })).rejects.toMatchObject({
      extensions: {
        code: 'OVERRIDE_REQUIRED',
        findings: [expect.objectContaining({ code: 'TITRATION_TOO_FAST', severity: 'SOFT_STOP' })],
      },
    });
  });

  it('stores an override of a too-fast step with its reason, who and when', async () => {
    const reason = 'travelling abroad from day 14';
    const trial = await change({
      changedOn: '2026-03-14',
      doseMg: 3,
      overrides: [{ code: 'TITRATION_TOO_FAST', reason }],
    });
    const { name } = await server.db.prisma.user.findUniqueOrThrow({ where: { id: cast.clinician.id } });
    expect(trial.overrides).toEqual([
      {
        action: 'DOSE_CHANGE',
        code: 'TITRATION_TOO_FAST',
        reason,
        givenBy: name,
        givenAt: '2026-04-01T09:00:00.000Z',
      },
    ]);
  });

  it('treats the same dose again as a hold of the titration: the next step moves 14 days later', async () => {
    const trial = await change({ changedOn: '2026-03-15', doseMg: 1.5, note: 'vivid dreams' });
    expect(trial.status.nextStep).toEqual({ date: '2026-03-29', doseMg: 3 });
  });

  it('allows a step down', async () => {
    await change({ changedOn: '2026-03-15', doseMg: 3 });
    const trial = await change({ changedOn: '2026-03-20', doseMg: 1.5 });
    expect(trial.status.currentDoseMg).toBe(1.5);
  });

  it.each([
    ['before the previous change', '2026-03-10'],
    ['on the day of the previous change', '2026-03-15'],
  ])('refuses a change dated %s as bad input on changedOn', async (_, changedOn) => {
    await change({ changedOn: '2026-03-15', doseMg: 3 });
    await expect(change({ changedOn, doseMg: 1.5 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'changedOn' },
    });
  });

  it('refuses a change dated before the start', async () => {
    await expect(change({ changedOn: '2026-02-20', doseMg: 1.5 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'changedOn' },
    });
  });

  it('refuses a stale version (CONFLICT) and accepts the current one', async () => {
    await change({ changedOn: '2026-03-15', doseMg: 3, expectedVersion: 1 });
    await expect(change({ changedOn: '2026-03-29', doseMg: 4.5, expectedVersion: 1 })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect((await change({ changedOn: '2026-03-29', doseMg: 4.5, expectedVersion: 2 })).version).toBe(3);
  });

  it('lets only one of two simultaneous changes from the same version through', async () => {
    const input = { changedOn: '2026-03-15', doseMg: 3, expectedVersion: 1 };
    const results = await Promise.allSettled([change(input), change(input)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { extensions: { code: 'CONFLICT' } },
    });
    expect(await server.db.prisma.doseChange.count({ where: { trialId } })).toBe(1);
  });

  it('writes nothing when a change is refused', async () => {
    const before = await trialRowCounts(server.db.prisma);
    await expect(change({ changedOn: '2026-03-15', doseMg: 45 })).rejects.toMatchObject({
      extensions: { code: 'RULE_VIOLATION' },
    });
    await expect(change({ changedOn: '2026-03-14', doseMg: 3 })).rejects.toMatchObject({
      extensions: { code: 'OVERRIDE_REQUIRED' },
    });
    expect(await trialRowCounts(server.db.prisma)).toEqual(before);
  });

  it('refuses a dose change while the trial is on hold', async () => {
    await clinician(OPERATIONS.hold, { trialId, input: { heldOn: '2026-03-10', reason: 'ADVERSE_EFFECT' } });
    await expect(change({ changedOn: '2026-03-15', doseMg: 3 })).rejects.toMatchObject({
      extensions: { code: 'INVALID_TRANSITION' },
    });
  });

  describe('a maintenance dose', () => {
    const declare = (input: Record<string, unknown>) =>
      clinician<{
        declareMaintenanceDose: {
          maintenanceDoseMg: number;
          status: { targetDoseMg: number; assessmentWindow: { opensOn: string; dueBy: string } };
        };
      }>(OPERATIONS.maintenance, { trialId, input });

    it('makes a lower dose the target, and the window counts from when it began', async () => {
      await change({ changedOn: '2026-03-15', doseMg: 3 });
      const { declareMaintenanceDose } = await declare({ doseMg: 3, declaredOn: '2026-03-28' });
      expect(declareMaintenanceDose).toMatchObject({
        maintenanceDoseMg: 3,
        status: { targetDoseMg: 3, assessmentWindow: { opensOn: '2026-04-12', dueBy: '2026-05-10' } },
      });
    });

    it('refuses a dose the dose rules refuse (RULE_VIOLATION) and 4.5 mg or more (BAD_USER_INPUT)', async () => {
      await expect(declare({ doseMg: 2.25, declaredOn: '2026-03-28' })).rejects.toMatchObject({
        extensions: { code: 'RULE_VIOLATION', findings: [expect.objectContaining({ code: 'DOSE_INVALID' })] },
      });
      await expect(declare({ doseMg: 4.5, declaredOn: '2026-03-28' })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'doseMg' },
      });
    });
  });
});
