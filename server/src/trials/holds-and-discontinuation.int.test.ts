import { DISCONTINUATION_REASONS } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  type Api,
  aPatientReadyToStart,
  apiAs,
  OPERATIONS,
  startInput,
  trialRowCounts,
} from './trial.builders.ts';

interface TrialView {
  trial: {
    state: string;
    status: {
      state: string;
      nextStep: { date: string } | null;
      onHold: { since: string; resumesTo: string } | null;
    };
    holds: {
      heldOn: string;
      reason: string;
      note: string | null;
      stateBefore: string;
      resumedOn: string | null;
    }[];
    adverseEffects: {
      kind: string;
      description: string | null;
      onsetOn: string;
      severity: string;
      action: string;
    }[];
  };
}

describe('holding, resuming and discontinuing a trial; adverse effects', () => {
  const clock = fixedClock('2026-03-12T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let clinician: Api;
  let coordinator: Api;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    clinician = apiAs(server, await signIn(server, cast.clinician));
    coordinator = apiAs(server, await signIn(server, cast.coordinator));
  });
  afterAll(async () => {
    await server?.close();
  });

  async function aStartedTrial(): Promise<{ id: string; patientId: string }> {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    const { startTrial } = await clinician<{ startTrial: { id: string } }>(OPERATIONS.start, {
      patientId: patient.id,
      input: startInput(),
    });
    return { id: startTrial.id, patientId: patient.id };
  }
  const view = async (id: string, asOf?: string) =>
    (await coordinator<TrialView>(OPERATIONS.trial, { id, asOf })).trial;
  const hold = (trialId: string, input: Record<string, unknown>) =>
    coordinator(OPERATIONS.hold, { trialId, input });
  const resume = (trialId: string, resumedOn: string) =>
    coordinator(OPERATIONS.resume, { trialId, input: { resumedOn } });

  describe('holds', () => {
    it('puts a trial on hold (a coordinator may) and resumes it to the state it had', async () => {
      const trial = await aStartedTrial();
      await hold(trial.id, { heldOn: '2026-03-10', reason: 'OPIOID_NEEDED', note: 'dental surgery' });
      expect(await view(trial.id)).toMatchObject({
        state: 'ON_HOLD',
        status: { state: 'ON_HOLD', onHold: { since: '2026-03-10', resumesTo: 'TITRATING' } },
        holds: [
          {
            heldOn: '2026-03-10',
            reason: 'OPIOID_NEEDED',
            note: 'dental surgery',
            stateBefore: 'TITRATING',
            resumedOn: null,
          },
        ],
      });
      // A resume is dated no later than today (03-12).
      await resume(trial.id, '2026-03-12');
      const resumed = await view(trial.id, '2026-03-16');
      // Two days on hold do not count: 3.0 mg is due 03-17, not 03-15.
      expect(resumed).toMatchObject({
        state: 'TITRATING',
        status: { state: 'TITRATING', nextStep: { date: '2026-03-17' }, onHold: null },
      });
      expect(
        await server.db.prisma.auditLog.count({
          where: { action: { in: ['HOLD', 'RESUME'] }, entityId: trial.id },
        }),
      ).toBe(2);
    });

    it('refuses to hold a trial already on hold, and to resume one that is not', async () => {
      const trial = await aStartedTrial();
      await expect(resume(trial.id, '2026-03-05')).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION' },
      });
      await hold(trial.id, { heldOn: '2026-03-05', reason: 'ADVERSE_EFFECT' });
      await expect(hold(trial.id, { heldOn: '2026-03-06', reason: 'OTHER' })).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION' },
      });
    });

    it('refuses a hold before the start and a resumption before the hold, writing nothing', async () => {
      const trial = await aStartedTrial();
      await expect(hold(trial.id, { heldOn: '2026-02-27', reason: 'OTHER' })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'heldOn' },
      });
      await hold(trial.id, { heldOn: '2026-03-08', reason: 'OTHER' });
      const before = await trialRowCounts(server.db.prisma);
      await expect(resume(trial.id, '2026-03-07')).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'resumedOn' },
      });
      expect(await trialRowCounts(server.db.prisma)).toEqual(before);
      expect((await view(trial.id)).holds[0]?.resumedOn).toBeNull();
    });
  });

  describe('adverse effects', () => {
    it('records an adverse effect (a coordinator may)', async () => {
      const trial = await aStartedTrial();
      const input = { kind: 'VIVID_DREAMS', onsetOn: '2026-03-04', severity: 'MILD', action: 'NONE' };
      await coordinator(OPERATIONS.adverseEffect, { trialId: trial.id, input });
      expect((await view(trial.id)).adverseEffects).toEqual([{ ...input, description: null }]);
    });

    it('needs a description for OTHER and an onset on or after the start', async () => {
      const trial = await aStartedTrial();
      const other = { kind: 'OTHER', onsetOn: '2026-03-04', severity: 'MODERATE', action: 'HELD_DOSE' };
      await expect(
        coordinator(OPERATIONS.adverseEffect, { trialId: trial.id, input: other }),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'description' },
      });
      const early = { kind: 'NAUSEA', onsetOn: '2026-02-20', severity: 'MILD', action: 'NONE' };
      await expect(
        coordinator(OPERATIONS.adverseEffect, { trialId: trial.id, input: early }),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'onsetOn' },
      });
      await coordinator(OPERATIONS.adverseEffect, {
        trialId: trial.id,
        input: { ...other, description: 'itching' },
      });
      expect((await view(trial.id)).adverseEffects).toMatchObject([
        { kind: 'OTHER', description: 'itching' },
      ]);
    });

    it('refuses a description longer than the record keeps', async () => {
      const trial = await aStartedTrial();
      const input = {
        kind: 'OTHER',
        description: 'x'.repeat(1001),
        onsetOn: '2026-03-04',
        severity: 'MILD',
        action: 'NONE',
      };
      await expect(coordinator(OPERATIONS.adverseEffect, { trialId: trial.id, input })).rejects.toMatchObject(
        {
          extensions: { code: 'BAD_USER_INPUT' },
        },
      );
    });
  });

  describe('discontinuation', () => {
    const discontinue = (trialId: string, input: Record<string, unknown>) =>
      clinician<{
        discontinueTrial: {
          state: string;
          endedOn: string;
          discontinuationReason: string;
          discontinuationNote: string | null;
        };
      }>(OPERATIONS.discontinue, { trialId, input });

    it.each(Object.keys(DISCONTINUATION_REASONS))('ends a trial at any time for %s', async (reason) => {
      const trial = await aStartedTrial();
      const { discontinueTrial } = await discontinue(trial.id, {
        discontinuedOn: '2026-03-05',
        reason,
        note: 'see letter',
      });
      expect(discontinueTrial).toMatchObject({
        state: 'DISCONTINUED',
        endedOn: '2026-03-05',
        discontinuationReason: reason,
        discontinuationNote: 'see letter',
      });
    });

    it('accepts only the reasons of §8', async () => {
      const trial = await aStartedTrial();
      await expect(
        discontinue(trial.id, { discontinuedOn: '2026-03-05', reason: 'BORED' }),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('ends a trial on hold, and a new trial may start for the patient afterwards', async () => {
      const trial = await aStartedTrial();
      await hold(trial.id, { heldOn: '2026-03-05', reason: 'OPIOID_NEEDED' });
      await discontinue(trial.id, { discontinuedOn: '2026-03-08', reason: 'OPIOID_NEEDED' });
      expect((await view(trial.id)).status.state).toBe('DISCONTINUED');
      await expect(hold(trial.id, { heldOn: '2026-03-09', reason: 'OTHER' })).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION' },
      });
      const again = await clinician<{ startTrial: { state: string } }>(OPERATIONS.start, {
        patientId: trial.patientId,
        input: startInput({ startDate: '2026-03-10' }),
      });
      expect(again.startTrial.state).toBe('TITRATING');
    });

    it('refuses an end before the start and writes nothing', async () => {
      const trial = await aStartedTrial();
      const before = await trialRowCounts(server.db.prisma);
      await expect(
        discontinue(trial.id, { discontinuedOn: '2026-02-20', reason: 'OTHER' }),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'discontinuedOn' },
      });
      expect(await trialRowCounts(server.db.prisma)).toEqual(before);
    });
  });
});
