import type { OrderState } from '@ldn/db';
import { addDays } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundedAndVerified } from '../orders/order.builders.ts';
import { CAPSULE_PACK, CREATE, DISPENSE, orderWorld, READY } from '../orders/order.fixtures.ts';
import { fixedClock, type GraphQLResponse, startTestServer, type TestServer } from '../test/harness.ts';
import {
  aTrialRow,
  OPERATIONS,
  painScores,
  scoresEndingOn,
  trialRowCounts,
} from '../trials/trial.builders.ts';

// Issue 15: a clinical event dated after today (in the clinic's time zone) is refused as
// BAD_USER_INPUT naming the field, with nothing written; today is taken. Schedules (a trial's start,
// a beyond-use date, an order's first night) may lie ahead and are not in this table.

const TODAY = '2026-05-01';
const TOMORROW = addDays(TODAY, 1);

const CONSENT = `mutation ($patientId: ID!, $input: ConsentInput!) {
  recordConsent(patientId: $patientId, input: $input) { id } }`;
const SCORE = `mutation ($patientId: ID!, $input: SymptomScoreInput!) {
  recordSymptomScore(patientId: $patientId, input: $input) { id } }`;
const VISIT = `mutation ($patientId: ID!, $scoredOn: LocalDate!, $scores: [VisitScoreInput!]!) {
  recordVisitScores(patientId: $patientId, scoredOn: $scoredOn, scores: $scores) { id } }`;
const ATTEST = `mutation ($patientId: ID!, $input: OpioidFreeAttestationInput!) {
  attestOpioidFree(patientId: $patientId, input: $input) { id } }`;

type Who = 'clinician' | 'coordinator' | 'pharmacist';
interface Target {
  trialId: string;
  patientId: string;
  orderId: string;
  version: number;
}
interface EventCase {
  mutation: string;
  field: string;
  as: Who;
  /** Puts the record in the state the event needs (a hold to resume, an order being compounded). */
  orderIn?: OrderState;
  held?: boolean;
  variables: (target: Target, date: string) => Record<string, unknown>;
}

const trialInput = (input: Record<string, unknown>) => (t: Target) => ({ trialId: t.trialId, input });
const CASES: Record<string, EventCase> = {
  holdTrial: {
    mutation: OPERATIONS.hold,
    field: 'heldOn',
    as: 'coordinator',
    variables: (t, heldOn) => trialInput({ heldOn, reason: 'OPIOID_NEEDED' })(t),
  },
  resumeTrial: {
    mutation: OPERATIONS.resume,
    field: 'resumedOn',
    as: 'coordinator',
    held: true,
    variables: (t, resumedOn) => trialInput({ resumedOn })(t),
  },
  recordAdverseEffect: {
    mutation: OPERATIONS.adverseEffect,
    field: 'onsetOn',
    as: 'coordinator',
    variables: (t, onsetOn) =>
      trialInput({ kind: 'VIVID_DREAMS', onsetOn, severity: 'MILD', action: 'NONE' })(t),
  },
  changeDose: {
    mutation: OPERATIONS.changeDose,
    field: 'changedOn',
    as: 'clinician',
    variables: (t, changedOn) => trialInput({ changedOn, doseMg: 4.5 })(t),
  },
  declareMaintenanceDose: {
    mutation: OPERATIONS.maintenance,
    field: 'declaredOn',
    as: 'clinician',
    variables: (t, declaredOn) => trialInput({ declaredOn, doseMg: 3 })(t),
  },
  assessResponse: {
    mutation: OPERATIONS.assess,
    field: 'assessedOn',
    as: 'clinician',
    variables: (t, assessedOn) => trialInput({ assessedOn, decision: 'CONTINUE' })(t),
  },
  discontinueTrial: {
    mutation: OPERATIONS.discontinue,
    field: 'discontinuedOn',
    as: 'clinician',
    variables: (t, discontinuedOn) => trialInput({ discontinuedOn, reason: 'PATIENT_CHOICE' })(t),
  },
  recordConsent: {
    mutation: CONSENT,
    field: 'recordedOn',
    as: 'coordinator',
    variables: (t, recordedOn) => ({
      patientId: t.patientId,
      input: { recordedOn, points: ['OFF_LABEL_LIMITED_EVIDENCE'] },
    }),
  },
  recordSymptomScore: {
    mutation: SCORE,
    field: 'scoredOn',
    as: 'coordinator',
    // A measure the target has not scored today (its pain is scored every day of the week).
    variables: (t, scoredOn) => ({
      patientId: t.patientId,
      input: { measure: 'FATIGUE', scoredOn, score: 5 },
    }),
  },
  recordVisitScores: {
    mutation: VISIT,
    field: 'scoredOn',
    as: 'coordinator',
    variables: (t, scoredOn) => ({
      patientId: t.patientId,
      scoredOn,
      scores: [
        { measure: 'SLEEP', score: 6 },
        { measure: 'FATIGUE', score: 5 },
      ],
    }),
  },
  attestOpioidFree: {
    mutation: ATTEST,
    field: 'attestedOn',
    as: 'clinician',
    variables: (t, attestedOn) => ({ patientId: t.patientId, input: { attestedOn } }),
  },
  markReady: {
    mutation: READY,
    field: 'compoundedOn',
    as: 'pharmacist',
    orderIn: 'COMPOUNDING',
    variables: (t, compoundedOn) => ({
      input: {
        orderId: t.orderId,
        version: t.version,
        lotNumber: 'L-15',
        compoundedOn,
        beyondUseDate: addDays(TODAY, 30),
      },
    }),
  },
  dispenseOrder: {
    mutation: DISPENSE,
    field: 'dispensedOn',
    as: 'pharmacist',
    orderIn: 'READY',
    variables: (t, dispensedOn) => ({
      input: { orderId: t.orderId, version: t.version, dispensedOn, trackingNumber: '1Z15' },
    }),
  },
};

describe('clinical events are never dated after today', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof orderWorld>>;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock(`${TODAY}T15:00:00Z`) });
    world = await orderWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const call = (who: Who, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> =>
    server.graphql(query, variables, { cookie: world.cookies[who] });

  /** A trial at 4.5 mg since 03-29 with a week of pain scores to today, and an order of it in `orderIn`. */
  async function aTarget(event: EventCase): Promise<Target> {
    const { prisma } = server.db;
    const { cast, patient } = world;
    const trial = await aTrialRow(prisma, patient, cast.clinician.id, {
      doseChanges: [
        ['2026-03-15', 3],
        ['2026-03-29', 4.5],
      ],
    });
    await prisma.symptomScore.deleteMany({ where: { patientId: patient.id } });
    await painScores(prisma, patient.id, cast.coordinator.id, scoresEndingOn(TODAY, 3));
    if (event.held === true) {
      const held = await call('coordinator', OPERATIONS.hold, {
        trialId: trial.id,
        input: { heldOn: addDays(TODAY, -1), reason: 'OPIOID_NEEDED' },
      });
      expect(held.errors).toBeUndefined();
    }
    let orderId = '';
    let version = 0;
    if (event.orderIn !== undefined) {
      const created = await call('clinician', CREATE, { trialId: trial.id, input: CAPSULE_PACK });
      const order = await prisma.order.update({
        where: { id: (created.data as { createOrder: { id: string } }).createOrder.id },
        data: {
          state: event.orderIn,
          submittedAt: new Date(),
          // A ready order has been compounded and verified: it may be dispensed.
          ...(event.orderIn === 'READY' ? compoundedAndVerified(cast) : {}),
        },
      });
      orderId = order.id;
      version = order.version;
    }
    return { trialId: trial.id, patientId: patient.id, orderId, version };
  }

  /** Everything the events of the table write. */
  async function written(target: Target) {
    const { prisma } = server.db;
    const [rows, consents, scores, attestations, trial, order] = await Promise.all([
      trialRowCounts(prisma),
      prisma.consent.count(),
      prisma.symptomScore.count(),
      prisma.opioidFreeAttestation.count(),
      prisma.trial.findUniqueOrThrow({ where: { id: target.trialId } }),
      target.orderId === '' ? null : prisma.order.findUniqueOrThrow({ where: { id: target.orderId } }),
    ]);
    return { rows, consents, scores, attestations, trial, order };
  }

  it.each(Object.entries(CASES))(
    '%s refuses tomorrow, names the field and writes nothing',
    async (_name, event) => {
      const target = await aTarget(event);
      const before = await written(target);
      const response = await call(event.as, event.mutation, event.variables(target, TOMORROW));
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: event.field });
      expect(response.errors?.[0]?.message).toContain(`cannot be after today (${TODAY})`);
      expect(await written(target)).toEqual(before);
    },
  );

  it.each(Object.entries(CASES))('%s takes today', async (_name, event) => {
    const target = await aTarget(event);
    const response = await call(event.as, event.mutation, event.variables(target, TODAY));
    expect(response.errors).toBeUndefined();
  });

  it('still takes a trial start in the future: a start date is a schedule', async () => {
    const response = await call('clinician', OPERATIONS.startCheck, {
      patientId: world.patient.id,
      input: { condition: 'CRPS', startDate: addDays(TODAY, 14) },
    });
    expect(response.errors).toBeUndefined();
  });
});
