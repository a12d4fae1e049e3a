import type { OrderState } from '@ldn/db';
import { addDays } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { someTrials, times } from '../analytics/analytics.builders.ts';
import { allowPharmacy } from '../orders/order.builders.ts';
import { CAPSULE_PACK, CREATE } from '../orders/order.fixtures.ts';
import { RECORD_MEDICATION } from '../patients/patient.operations.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  type Api,
  aPatientReadyToStart,
  apiAs,
  OPERATIONS,
  refusedFindingCodes,
  START,
  startInput,
} from './trial.builders.ts';
import {
  MARK_ENTERED_IN_ERROR,
  type MarkedFields,
  type MarkedTrial,
  READ_MARKED,
} from './trial-entered-in-error.operations.ts';

// A trial started by mistake is marked entered in error (workflows.md, corrections): it stays on
// the record, struck through, and leaves the worklist, the derived states and the analytics.

const REPORT = `query { continuationReport {
  suppressed survivalSuppressed trialCount patientCount discontinuedCount censoredCount medianDays
  rateAt90 { day rate lower upper atRisk } curve { day rate lower upper atRisk }
  byCondition { key suppressed trialCount patientCount medianDays rateAt90 { rate } }
  byClinic { key suppressed trialCount patientCount rateAt90 { rate } }
  byPrescriber { key suppressed trialCount rateAt90 { rate } }
  discontinuationReasons { reason count suppressed } responseClasses { responseClass count suppressed }
  assessedCount meanPainChange adverseEffectRate } }`;
const CSV = 'query { continuationReportCsv { content } }';
/** An order the patient picks up (the patients made here have no address). */
const PICKUP_ORDER = { ...CAPSULE_PACK, delivery: 'PICKUP', fromDate: START };
const PATIENT_TRIALS = `query ($id: ID!) { patient(id: $id) {
  trials { id enteredInError enteredInErrorReason status { state enteredInError } } } }`;
const ORDER = 'query ($id: ID!) { order(id: $id) { state events { toState reason } } }';
const PHARMACY_ORDER = 'query ($id: ID!) { pharmacyOrder(id: $id) { state events { toState reason } } }';

interface Worklist {
  worklist: { code: string; trial: { id: string } }[];
}

describe('marking a trial entered in error', () => {
  const clock = fixedClock('2026-03-15T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let clinician: Api;
  let coordinator: Api;
  let pharmacist: Api;
  let admin: Api;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    await allowPharmacy(server.db.prisma, cast.clinic.id, cast.pharmacy.id);
    const apiOf = async (person: { email: string }) => apiAs(server, await signIn(server, person));
    clinician = await apiOf(cast.clinician);
    coordinator = await apiOf(cast.coordinator);
    pharmacist = await apiOf(cast.pharmacist);
    admin = await apiOf(cast.admin);
    // Enough trials that the network's figures are shown (none is suppressed): six stopped, five on LDN.
    const spec = { clinicId: cast.clinic.id, prescriberId: cast.clinician.id, condition: 'CRPS' } as const;
    await someTrials(server.db.prisma, [
      ...[20, 30, 40, 50, 60, 70].map((day) => ({
        ...spec,
        startDate: '2025-12-01',
        endedOn: addDays('2025-12-01', day),
        reason: 'INEFFECTIVE' as const,
      })),
      ...times(5, { ...spec, startDate: '2025-12-01' }),
    ]);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A trial started through the API for a new patient ready to start (2026-03-01). */
  async function aMistakenTrial(): Promise<{ id: string; patientId: string; version: number }> {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    const { startTrial } = await clinician<{ startTrial: { id: string; version: number } }>(
      OPERATIONS.start,
      { patientId: patient.id, input: startInput() },
    );
    return { ...startTrial, patientId: patient.id };
  }
  const mark = (
    trial: { id: string; version: number },
    reason = 'Started for the wrong patient',
    api = clinician,
  ) => api<MarkedTrial>(MARK_ENTERED_IN_ERROR, { trialId: trial.id, version: trial.version, reason });
  const worklistTrialIds = async () =>
    (await coordinator<Worklist>(OPERATIONS.worklist)).worklist.map((item) => item.trial.id);
  const figures = async () => ({
    report: await admin(REPORT),
    csv: await admin(CSV),
  });

  /** An order of the trial made through the API, then moved to `state` (the pharmacy's moves are tested elsewhere). */
  async function anOrderOf(trialId: string, state: OrderState, stateBeforeHold: OrderState | null = null) {
    const { createOrder } = await clinician<{ createOrder: { id: string } }>(CREATE, {
      trialId,
      input: PICKUP_ORDER,
    });
    if (state !== 'DRAFT') {
      await server.db.prisma.order.update({
        where: { id: createOrder.id },
        data: { state, stateBeforeHold, submittedAt: new Date('2026-03-02T10:00:00Z') },
      });
    }
    return createOrder.id;
  }

  it('takes the trial off the worklist and leaves the network figures exactly as they were', async () => {
    const before = await figures();
    const trial = await aMistakenTrial();
    expect(await worklistTrialIds()).toContain(trial.id);
    expect((await figures()).report).not.toEqual(before.report);

    await mark(trial);

    expect(await worklistTrialIds()).not.toContain(trial.id);
    expect(await figures()).toEqual(before);
  });

  it('keeps the trial readable, marked with who, when and why, and nothing due', async () => {
    const trial = await aMistakenTrial();
    const { markTrialEnteredInError } = await mark(trial, 'Started for the wrong patient');
    const expected = {
      id: trial.id,
      state: 'TITRATING',
      version: trial.version + 1,
      enteredInError: true,
      enteredInErrorAt: '2026-03-15T09:00:00.000Z',
      enteredInErrorReason: 'Started for the wrong patient',
      status: {
        state: 'TITRATING',
        enteredInError: true,
        actions: [],
        nextStep: null,
        assessmentWindow: null,
      },
    };
    expect(markTrialEnteredInError).toMatchObject(expected);
    expect(markTrialEnteredInError.enteredInErrorByName).toMatch(/^Clinician /);
    // A coordinator reads it by id too: it stays on the record.
    expect(await coordinator<{ trial: MarkedFields }>(READ_MARKED, { id: trial.id })).toMatchObject({
      trial: expected,
    });
  });

  it("lists the voided trial on the patient's record and lets the patient start a trial again", async () => {
    const trial = await aMistakenTrial();
    await expect(
      clinician(OPERATIONS.start, { patientId: trial.patientId, input: startInput() }),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await mark(trial);

    const { startTrial } = await clinician<{ startTrial: { id: string } }>(OPERATIONS.start, {
      patientId: trial.patientId,
      input: startInput(),
    });
    const { patient } = await coordinator<{ patient: { trials: unknown[] } }>(PATIENT_TRIALS, {
      id: trial.patientId,
    });
    expect(patient.trials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: trial.id,
          enteredInError: true,
          status: expect.objectContaining({ enteredInError: true }),
        }),
        expect.objectContaining({ id: startTrial.id, enteredInError: false }),
      ]),
    );
    expect(await worklistTrialIds()).toContain(startTrial.id);
  });

  it.each<[string, OrderState, OrderState | null]>([
    ['a draft', 'DRAFT', null],
    ['a submitted order', 'SUBMITTED', null],
    ['a received order', 'RECEIVED', null],
    ['an order held while received', 'ON_HOLD', 'RECEIVED'],
  ])('cancels %s with the trial, its event saying why', async (_, state, before) => {
    const trial = await aMistakenTrial();
    const orderId = await anOrderOf(trial.id, state, before);
    await mark(trial, 'Wrong patient chosen');
    const { order } = await clinician<{
      order: { state: string; events: { toState: string; reason: string | null }[] };
    }>(ORDER, { id: orderId });
    expect(order.state).toBe('CANCELLED');
    expect(order.events.at(-1)).toEqual({
      toState: 'CANCELLED',
      reason: 'The trial was entered in error: Wrong patient chosen',
    });
  });

  it('shows the pharmacy a cancelled order as cancelled, with the reason', async () => {
    const trial = await aMistakenTrial();
    const orderId = await anOrderOf(trial.id, 'SUBMITTED');
    await mark(trial, 'Duplicate of another trial');
    expect(await pharmacist(PHARMACY_ORDER, { id: orderId })).toMatchObject({
      pharmacyOrder: {
        state: 'CANCELLED',
        events: expect.arrayContaining([
          { toState: 'CANCELLED', reason: 'The trial was entered in error: Duplicate of another trial' },
        ]),
      },
    });
  });

  it('leaves a rejected order as it was', async () => {
    const trial = await aMistakenTrial();
    const orderId = await anOrderOf(trial.id, 'REJECTED');
    await mark(trial);
    expect(await clinician(ORDER, { id: orderId })).toMatchObject({ order: { state: 'REJECTED' } });
  });

  it.each<[string, OrderState, OrderState | null]>([
    ['compounding', 'COMPOUNDING', null],
    ['ready', 'READY', null],
    ['dispensed', 'DISPENSED', null],
    ['held while compounding', 'ON_HOLD', 'COMPOUNDING'],
  ])(
    'refuses it once an order is %s (TRIAL_HAS_SUPPLY: discontinue instead), changing nothing',
    async (_, state, before) => {
      const trial = await aMistakenTrial();
      const otherOrderId = await anOrderOf(trial.id, 'REJECTED');
      const orderId = await anOrderOf(trial.id, state, before);
      const refusal = mark(trial);
      await expect(refusal).rejects.toMatchObject({
        extensions: { code: 'RULE_VIOLATION' },
        message: expect.stringMatching(/discontinue the trial instead/),
      });
      expect(await refusedFindingCodes(mark(trial))).toEqual(['TRIAL_HAS_SUPPLY']);
      const row = await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trial.id } });
      expect(row).toMatchObject({ enteredInErrorAt: null, version: trial.version });
      expect(await clinician(ORDER, { id: orderId })).toMatchObject({ order: { state } });
      expect(await clinician(ORDER, { id: otherOrderId })).toMatchObject({ order: { state: 'REJECTED' } });
      expect(await worklistTrialIds()).toContain(trial.id);
    },
  );

  it('refuses a stale version (CONFLICT) and changes nothing', async () => {
    const trial = await aMistakenTrial();
    const orderId = await anOrderOf(trial.id, 'SUBMITTED');
    await expect(mark({ id: trial.id, version: trial.version - 1 })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({
      enteredInErrorAt: null,
    });
    expect(await clinician(ORDER, { id: orderId })).toMatchObject({ order: { state: 'SUBMITTED' } });
  });

  it('refuses to mark it twice, and any later change of the trial (ENTERED_IN_ERROR)', async () => {
    const trial = await aMistakenTrial();
    const { markTrialEnteredInError: marked } = await mark(trial);
    const refusedAsVoided = { extensions: { code: 'INVALID_TRANSITION', state: 'ENTERED_IN_ERROR' } };
    await expect(mark(marked)).rejects.toMatchObject(refusedAsVoided);
    await expect(
      clinician(OPERATIONS.changeDose, { trialId: trial.id, input: { changedOn: '2026-03-15', doseMg: 3 } }),
    ).rejects.toMatchObject(refusedAsVoided);
    await expect(
      coordinator(OPERATIONS.hold, { trialId: trial.id, input: { heldOn: '2026-03-15', reason: 'OTHER' } }),
    ).rejects.toMatchObject(refusedAsVoided);
    await expect(
      clinician(OPERATIONS.discontinue, {
        trialId: trial.id,
        input: { discontinuedOn: '2026-03-15', reason: 'PATIENT_CHOICE' },
      }),
    ).rejects.toMatchObject(refusedAsVoided);
    await expect(clinician(CREATE, { trialId: trial.id, input: PICKUP_ORDER })).rejects.toMatchObject(
      refusedAsVoided,
    );
  });

  it('refuses a blank reason (BAD_USER_INPUT) and changes nothing', async () => {
    const trial = await aMistakenTrial();
    await expect(mark(trial, '  \n ')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
    });
    expect(await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({
      enteredInErrorAt: null,
    });
  });

  it('no longer puts the voided trial on hold when an opioid is recorded', async () => {
    const trial = await aMistakenTrial();
    await mark(trial);
    const { recordMedication } = await coordinator<{
      recordMedication: { findings: { code: string }[]; trialsPutOnHold: unknown[] };
    }>(RECORD_MEDICATION, {
      patientId: trial.patientId,
      input: { drug: 'tramadol', startedOn: '2026-03-15' },
    });
    expect(recordMedication).toMatchObject({ findings: [], trialsPutOnHold: [] });
  });

  it('writes an audit row for the trial and one for each order it cancelled', async () => {
    const trial = await aMistakenTrial();
    const orderId = await anOrderOf(trial.id, 'SUBMITTED');
    await mark(trial);
    const rows = await server.db.prisma.auditLog.findMany({
      where: { actorId: cast.clinician.id, entityId: { in: [trial.id, orderId] }, action: { not: 'READ' } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map(({ action, entity, entityId }) => [action, entity, entityId])).toEqual(
      expect.arrayContaining([
        ['ENTERED_IN_ERROR', 'Trial', trial.id],
        ['CANCEL', 'Order', orderId],
      ]),
    );
  });
  it('leaves no open order on a trial voided while an order for it was being made', async () => {
    const cookie = await signIn(server, cast.clinician);
    const trials = [];
    for (let n = 0; n < 8; n += 1) trials.push(await aMistakenTrial());
    // Each order and each void race: whichever commits first, the other must see it.
    await Promise.all(
      trials.flatMap((trial) => [
        server.graphql(CREATE, { trialId: trial.id, input: PICKUP_ORDER }, { cookie }),
        server.graphql(
          MARK_ENTERED_IN_ERROR,
          { trialId: trial.id, version: trial.version, reason: 'Started for the wrong patient' },
          { cookie },
        ),
      ]),
    );
    const voided = await server.db.prisma.trial.findMany({
      where: { id: { in: trials.map((trial) => trial.id) }, enteredInErrorAt: { not: null } },
      select: { id: true },
    });
    expect(voided).toHaveLength(trials.length);
    const open = await server.db.prisma.order.count({
      where: { trialId: { in: voided.map((trial) => trial.id) }, state: { not: 'CANCELLED' } },
    });
    expect(open).toBe(0);
  });
});
