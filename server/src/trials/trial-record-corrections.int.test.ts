import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbDate } from '../graphql/scalars.ts';
import { allowPharmacy } from '../orders/order.builders.ts';
import { CANCEL, CAPSULE_PACK, CREATE } from '../orders/order.fixtures.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  type Api,
  aPatientReadyToStart,
  apiAs,
  aTrialRow,
  OPERATIONS,
  painScores,
  scoresEndingOn,
  trialRowCounts,
} from './trial.builders.ts';
import { aTrialAtTarget, markEnteredInError, trialAfterMark } from './trial-record-corrections.fixtures.ts';

// workflows.md, corrections: a dose change, an adverse effect or an assessment entered in error
// stays on the trial, struck through with who, when and why, and counts nowhere: the trial is what
// its other records derive. Today is 2026-06-01; the trials start 03-01 and reach 4.5 mg on 03-29.

describe('marking a trial’s records entered in error', () => {
  const clock = fixedClock('2026-06-01T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let clinician: Api;
  let coordinator: Api;
  let clinicianName: string;
  let patientId: string;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    await allowPharmacy(server.db.prisma, cast.clinic.id, cast.pharmacy.id);
    clinician = apiAs(server, await signIn(server, cast.clinician));
    coordinator = apiAs(server, await signIn(server, cast.coordinator));
    clinicianName = (await server.db.prisma.user.findUniqueOrThrow({ where: { id: cast.clinician.id } }))
      .name;
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    patientId = patient.id;
  });

  const auditRows = (entityId: string) =>
    server.db.prisma.auditLog.findMany({
      where: { entityId, action: { in: ['ENTERED_IN_ERROR', 'RECORD_ENTERED_IN_ERROR', 'REOPEN'] } },
      select: { action: true, entity: true, actorId: true },
    });
  const worklistCodes = async (trialId: string) =>
    (
      await clinician<{ worklist: { code: string; trial: { id: string } }[] }>(OPERATIONS.worklist, {
        asOf: '2026-06-01',
      })
    ).worklist
      .filter((item) => item.trial.id === trialId)
      .map((item) => item.code);
  const assess = (trialId: string, input: Record<string, unknown>) =>
    clinician(OPERATIONS.assess, { trialId, input });

  describe('a dose change', () => {
    it('no longer sets the current dose: the trial titrates again from the dose before it', async () => {
      const trial = await aTrialAtTarget(clinician, patientId);
      expect(trial.status).toMatchObject({ state: 'ASSESSMENT_DUE', currentDoseMg: 4.5 });
      const [first, latest] = trial.doseChanges;
      const after = await markEnteredInError(
        clinician,
        'DoseChange',
        latest?.id ?? '',
        trial.version,
        'Wrong trial',
      );
      expect(after).toMatchObject({
        state: 'TITRATING',
        version: trial.version + 1,
        status: {
          state: 'TITRATING',
          currentDoseMg: 3,
          nextStep: { date: '2026-03-29', doseMg: 4.5, overdue: true },
        },
      });
      expect(after.status.timeline.map((step) => step.status)).toEqual(['PAST', 'CURRENT', 'NEXT']);
      // Still listed, struck through with who, when and why.
      expect(after.doseChanges).toEqual([
        expect.objectContaining({ id: first?.id, enteredInError: false, enteredInErrorByName: null }),
        {
          id: latest?.id,
          changedOn: '2026-03-29',
          doseMg: 4.5,
          enteredInError: true,
          enteredInErrorAt: '2026-06-01T09:00:00.000Z',
          enteredInErrorByName: clinicianName,
          enteredInErrorReason: 'Wrong trial',
        },
      ]);
      expect(await worklistCodes(trial.id)).toEqual(['DOSE_STEP_OVERDUE']);
      expect(await auditRows(latest?.id ?? '')).toEqual([
        { action: 'ENTERED_IN_ERROR', entity: 'DoseChange', actorId: cast.clinician.id },
      ]);
      expect(await auditRows(trial.id)).toEqual([
        { action: 'RECORD_ENTERED_IN_ERROR', entity: 'Trial', actorId: cast.clinician.id },
      ]);
    });

    it('checks a new step against the dose that counts, on the day of the voided one too', async () => {
      const trial = await aTrialAtTarget(clinician, patientId);
      const voided = await markEnteredInError(
        clinician,
        'DoseChange',
        trial.doseChanges[1]?.id ?? '',
        trial.version,
      );
      await clinician(OPERATIONS.changeDose, {
        trialId: trial.id,
        input: { changedOn: '2026-03-29', doseMg: 4.5 },
      });
      const after = await trialAfterMark(clinician, trial.id);
      expect(after.status).toMatchObject({ currentDoseMg: 4.5, targetReachedOn: '2026-03-29' });
      expect(after.doseChanges.map((d) => [d.changedOn, d.enteredInError])).toEqual([
        ['2026-03-15', false],
        ['2026-03-29', true],
        ['2026-03-29', false],
      ]);
      expect(after.version).toBe(voided.version + 1);
    });

    it('moves the assessment window back when a step down is voided (the target began on 03-29)', async () => {
      const trial = await aTrialAtTarget(clinician, patientId);
      for (const [changedOn, doseMg] of [
        ['2026-04-10', 3],
        ['2026-04-24', 4.5],
      ] as const) {
        await clinician(OPERATIONS.changeDose, { trialId: trial.id, input: { changedOn, doseMg } });
      }
      await painScores(server.db.prisma, patientId, cast.coordinator.id, scoresEndingOn('2026-05-01', 5));
      const stepped = await trialAfterMark(clinician, trial.id);
      expect(stepped.status.assessmentWindow).toMatchObject({ opensOn: '2026-05-22' });
      await expect(
        assess(trial.id, { assessedOn: '2026-05-01', decision: 'CONTINUE' }),
      ).rejects.toMatchObject({
        extensions: {
          code: 'RULE_VIOLATION',
          findings: [expect.objectContaining({ code: 'ASSESSMENT_TOO_EARLY' })],
        },
      });
      const stepDown = stepped.doseChanges.find((d) => d.changedOn === '2026-04-10');
      const after = await markEnteredInError(clinician, 'DoseChange', stepDown?.id ?? '', stepped.version);
      expect(after.status).toMatchObject({
        targetReachedOn: '2026-03-29',
        assessmentWindow: { opensOn: '2026-04-26', dueBy: '2026-05-24' },
      });
      await assess(trial.id, { assessedOn: '2026-05-01', decision: 'CONTINUE' });
    });
  });

  describe('an adverse effect', () => {
    it('stays listed, struck through, and moves the trial’s version on', async () => {
      const trial = await aTrialAtTarget(clinician, patientId);
      const input = { kind: 'NAUSEA', onsetOn: '2026-04-02', severity: 'MILD', action: 'NONE' };
      await coordinator(OPERATIONS.adverseEffect, { trialId: trial.id, input });
      const recorded = await trialAfterMark(clinician, trial.id);
      const effect = recorded.adverseEffects[0];
      const after = await markEnteredInError(clinician, 'AdverseEffect', effect?.id ?? '', recorded.version);
      expect(after.adverseEffects).toEqual([
        expect.objectContaining({
          id: effect?.id,
          kind: 'NAUSEA',
          enteredInError: true,
          enteredInErrorByName: clinicianName,
        }),
      ]);
      expect(after).toMatchObject({ version: recorded.version + 1, status: recorded.status });
      expect(await auditRows(effect?.id ?? '')).toEqual([
        { action: 'ENTERED_IN_ERROR', entity: 'AdverseEffect', actorId: cast.clinician.id },
      ]);
    });
  });

  describe('an assessment', () => {
    it('no longer sets the response or the decision: a continued trial is due for assessment again', async () => {
      const trial = await aTrialAtTarget(clinician, patientId);
      await painScores(server.db.prisma, patientId, cast.coordinator.id, scoresEndingOn('2026-05-01', 4));
      await assess(trial.id, { assessedOn: '2026-05-01', decision: 'CONTINUE' });
      const continued = await trialAfterMark(clinician, trial.id);
      expect(continued).toMatchObject({ state: 'CONTINUING', status: { state: 'CONTINUING' } });
      const after = await markEnteredInError(
        clinician,
        'Assessment',
        continued.assessments[0]?.id ?? '',
        continued.version,
      );
      expect(after).toMatchObject({
        state: 'ASSESSMENT_DUE',
        status: { state: 'ASSESSMENT_DUE', assessmentWindow: { overdue: true } },
        assessments: [
          { decision: 'CONTINUE', enteredInError: true, enteredInErrorReason: 'Recorded on the wrong trial' },
        ],
      });
      expect(await worklistCodes(trial.id)).toEqual(['ASSESSMENT_OVERDUE']);
    });

    it('reopens the trial it discontinued; orders cancelled meanwhile stay cancelled', async () => {
      const trial = await aTrialAtTarget(clinician, patientId);
      await server.db.prisma.patient.update({
        where: { id: patientId },
        data: { addressLine1: '12 Elm Street', city: 'Springfield', region: 'OR', postalCode: '97477' },
      });
      const { createOrder } = await clinician<{ createOrder: { id: string; version: number } }>(CREATE, {
        trialId: trial.id,
        input: { ...CAPSULE_PACK, fromDate: '2026-06-01' },
      });
      await clinician(CANCEL, {
        input: { orderId: createOrder.id, version: createOrder.version, reason: 'Not needed' },
      });
      await painScores(server.db.prisma, patientId, cast.coordinator.id, scoresEndingOn('2026-05-01', 7));
      await assess(trial.id, {
        assessedOn: '2026-05-01',
        decision: 'DISCONTINUE',
        discontinuationReason: 'INEFFECTIVE',
      });
      const ended = await trialAfterMark(clinician, trial.id);
      expect(ended).toMatchObject({
        state: 'DISCONTINUED',
        endedOn: '2026-05-01',
        discontinuationReason: 'INEFFECTIVE',
      });
      expect(await worklistCodes(trial.id)).toEqual([]);

      const after = await markEnteredInError(
        clinician,
        'Assessment',
        ended.assessments[0]?.id ?? '',
        ended.version,
      );
      expect(after).toMatchObject({
        state: 'ASSESSMENT_DUE',
        endedOn: null,
        discontinuationReason: null,
        status: { state: 'ASSESSMENT_DUE', discontinuedOn: null },
      });
      expect(await worklistCodes(trial.id)).toEqual(['ASSESSMENT_OVERDUE']);
      expect(await server.db.prisma.order.findUniqueOrThrow({ where: { id: createOrder.id } })).toMatchObject(
        {
          state: 'CANCELLED',
        },
      );
      expect(await auditRows(trial.id)).toEqual([
        { action: 'REOPEN', entity: 'Trial', actorId: cast.clinician.id },
      ]);
      // Open again: the clinician can assess it anew.
      await painScores(server.db.prisma, patientId, cast.coordinator.id, { '2026-05-24': 3 });
      await assess(trial.id, { assessedOn: '2026-05-24', decision: 'CONTINUE' });
    });

    it('refuses to reopen a trial while the patient has another one that has not ended, writing nothing', async () => {
      const trial = await aTrialAtTarget(clinician, patientId);
      await painScores(server.db.prisma, patientId, cast.coordinator.id, scoresEndingOn('2026-05-01', 7));
      await assess(trial.id, {
        assessedOn: '2026-05-01',
        decision: 'DISCONTINUE',
        discontinuationReason: 'INEFFECTIVE',
      });
      const ended = await trialAfterMark(clinician, trial.id);
      const patient = await server.db.prisma.patient.findUniqueOrThrow({ where: { id: patientId } });
      await aTrialRow(server.db.prisma, patient, cast.clinician.id, { startDate: '2026-05-20' });
      const before = await trialRowCounts(server.db.prisma);
      await expect(
        markEnteredInError(clinician, 'Assessment', ended.assessments[0]?.id ?? '', ended.version),
      ).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION', state: 'ANOTHER_TRIAL_NOT_ENDED' },
      });
      expect(await trialRowCounts(server.db.prisma)).toEqual(before);
      expect(await trialAfterMark(clinician, trial.id)).toEqual(ended);
    });
  });

  it('corrects the records of an ended trial without reopening it', async () => {
    const trial = await aTrialAtTarget(clinician, patientId);
    await painScores(server.db.prisma, patientId, cast.coordinator.id, scoresEndingOn('2026-05-01', 4));
    await assess(trial.id, { assessedOn: '2026-05-01', decision: 'CONTINUE' });
    await clinician(OPERATIONS.discontinue, {
      trialId: trial.id,
      input: { discontinuedOn: '2026-05-20', reason: 'PATIENT_CHOICE' },
    });
    let current = await trialAfterMark(clinician, trial.id);
    current = await markEnteredInError(
      clinician,
      'Assessment',
      current.assessments[0]?.id ?? '',
      current.version,
    );
    current = await markEnteredInError(
      clinician,
      'DoseChange',
      current.doseChanges[1]?.id ?? '',
      current.version,
    );
    expect(current).toMatchObject({
      state: 'DISCONTINUED',
      endedOn: '2026-05-20',
      discontinuationReason: 'PATIENT_CHOICE',
      status: { state: 'DISCONTINUED', currentDoseMg: 3, actions: [] },
    });
    expect(current.assessments.every((a) => a.enteredInError)).toBe(true);
    expect(
      await server.db.prisma.doseChange.count({
        where: { trialId: trial.id, changedOn: dbDate('2026-03-29') },
      }),
    ).toBe(1);
  });
});
