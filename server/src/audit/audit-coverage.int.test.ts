import { readFileSync } from 'node:fs';
import { medicationDrugColumns, type OrderState, priorTherapyDrugColumns } from '@ldn/db';
import { CONSENT_POINT_CODES } from '@ldn/rules';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowPharmacy, aTrialInClinic, compoundedAndVerified } from '../orders/order.builders.ts';
import { CAPSULE_PACK } from '../orders/order.fixtures.ts';
import { aPatient } from '../patients/patient.builders.ts';
import { aNetwork, signIn, TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aPatientReadyToStart, aTrialRow, painScores, scoresEndingOn } from '../trials/trial.builders.ts';

// workflows.md, "Everyone": every read of a patient's record and every change is audited. This walks
// server/schema.graphql: every Query and Mutation field whose answer can hold patient data is
// called here by every role its @Authorized allows, and the request must have written an audit row
// naming the record it answered with (or, for a list, one LIST row naming them all).

const sdl = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

/** Types that are a patient's data (OrderPatient: what a pharmacy sees of one). */
const PATIENT_DATA = new Set([
  'Patient',
  'OrderPatient',
  'ClinicOrder',
  'PharmacyOrder',
  'Trial',
  'TrialPutOnHold',
  'Medication',
  'PriorTherapy',
  'SymptomScore',
  'Baseline',
  'Consent',
  'OpioidFreeAttestation',
  'Eligibility',
  'AdverseEffect',
  'Assessment',
  'DoseChange',
  'TrialHold',
  'WorklistItem',
]);

function reachesPatientData(type: GraphQLNamedType, seen = new Set<string>()): boolean {
  if (PATIENT_DATA.has(type.name)) return true;
  if (seen.has(type.name) || !(isObjectType(type) || isInterfaceType(type))) return false;
  seen.add(type.name);
  return Object.values(type.getFields()).some((field) => reachesPatientData(getNamedType(field.type), seen));
}

const carriesPatientData = (field: GraphQLField<unknown, unknown>) =>
  reachesPatientData(getNamedType(field.type)) || field.args.some((arg) => arg.name === 'patientId');

const fieldsWithPatientData = (root: GraphQLObjectType | null | undefined) =>
  Object.values(root?.getFields() ?? {})
    .filter(carriesPatientData)
    .map((field) => field.name)
    .sort();

/** The audit log's kind of record for a mutation's answer: its type, an order of either view as Order. */
function entityOfAnswer(mutation: string): string {
  const type = getNamedType(sdl.getMutationType()?.getFields()[mutation]?.type);
  return type === undefined || type.name.endsWith('Order') ? 'Order' : type.name;
}

type Role = 'CLINICIAN' | 'COORDINATOR' | 'PHARMACIST';

/** The roles @Authorized gives a Query or Mutation field (type-graphql's metadata, as the app built it). */
function rolesOf(kind: 'query' | 'mutation', field: string): Role[] {
  const storage = getMetadataStorage();
  const resolver = (kind === 'query' ? storage.queries : storage.mutations).find(
    (candidate) => candidate.schemaName === field,
  );
  if (resolver === undefined) throw new Error(`no resolver for ${kind} ${field}`);
  const authorized = storage.authorizedFields.find(
    (entry) => entry.target === resolver.target && entry.fieldName === resolver.methodName,
  );
  return (authorized?.roles ?? []) as Role[];
}

/** What a call must have audited: records by kind. */
type Expected = Record<string, string[]>;

interface Call {
  query: string;
  variables: Record<string, unknown>;
  /** Records the answer does not name but the request changed or showed (held orders, a list). */
  expected?: Expected;
}

/** How to call one field: fresh records for each call, then the operation. */
interface Case {
  prepare: (role: Role) => Promise<Call>;
}

describe('every read and change of patient data writes its audit row (schema walk)', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const cookies = {} as Record<Role, string>;
  const personOf = (role: Role) =>
    ({ CLINICIAN: cast.clinician, COORDINATOR: cast.coordinator, PHARMACIST: cast.pharmacist })[role];

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z') });
    cast = await aNetwork(server.db.prisma);
    await allowPharmacy(server.db.prisma, cast.clinic.id, cast.pharmacy.id);
    for (const role of ['CLINICIAN', 'COORDINATOR', 'PHARMACIST'] as const) {
      cookies[role] = await signIn(server, personOf(role));
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  async function call<Data = Record<string, unknown>>(
    role: Role,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Data> {
    const response = await server.graphql<Data>(query, variables, { cookie: cookies[role] });
    if (response.errors !== undefined) throw new Error(`${role}: ${JSON.stringify(response.errors)}`);
    return response.data as Data;
  }

  const prisma = () => server.db.prisma;
  const patient = () => aPatient(prisma(), cast.clinic.id);
  const trial = async (options: Parameters<typeof aTrialRow>[3] = { startDate: '2026-02-01' }) =>
    aTrialRow(prisma(), await patient(), cast.clinician.id, options);
  const medication = async (drug = 'ibuprofen', extra: { needsReview?: boolean } = {}) => {
    const { id: patientId } = await patient();
    return prisma().medication.create({
      data: { patientId, ...medicationDrugColumns(drug), recordedById: cast.coordinator.id, ...extra },
    });
  };
  const symptomScore = async () => {
    const { id: patientId } = await patient();
    return prisma().symptomScore.create({
      data: {
        patientId,
        measure: 'PAIN_NRS',
        scoredOn: new Date('2026-03-09'),
        score: 6,
        recordedById: cast.coordinator.id,
      },
    });
  };
  const priorTherapy = async () => {
    const { id: patientId } = await patient();
    return prisma().priorTherapy.create({
      data: {
        patientId,
        ...priorTherapyDrugColumns('nortriptyline'),
        outcome: 'INEFFECTIVE',
        recordedById: cast.coordinator.id,
      },
    });
  };

  /** An order of a new trial in `state` (made as a DRAFT through the API, then moved directly). */
  async function anOrder(state: OrderState, trialId?: string) {
    const forTrial =
      trialId ??
      (await aTrialInClinic(prisma(), { clinicId: cast.clinic.id, prescriberId: cast.clinician.id })).trial
        .id;
    const { createOrder } = await call<{ createOrder: { id: string; version: number } }>(
      'CLINICIAN',
      `mutation ($trialId: ID!, $input: OrderInput!) { createOrder(trialId: $trialId, input: $input) { id version } }`,
      { trialId: forTrial, input: { ...CAPSULE_PACK, fromDate: '2026-03-01' } },
    );
    const order = await prisma().order.update({
      where: { id: createOrder.id },
      data:
        state === 'DRAFT'
          ? {}
          : {
              state,
              submittedAt: new Date('2026-03-09T10:00:00Z'),
              stateBeforeHold: state === 'ON_HOLD' ? 'SUBMITTED' : null,
              // A ready order was compounded and verified by two pharmacists: it may be dispensed.
              ...(state === 'READY' ? compoundedAndVerified(cast) : {}),
            },
    });
    return { id: order.id, version: order.version, patientId: order.patientId, trialId: forTrial };
  }

  const ORDER_MUTATION = (name: string, input: string) =>
    `mutation ($input: ${input}!) { ${name}(input: $input) { id } }`;
  const orderVersion = (order: { id: string; version: number }) => ({
    orderId: order.id,
    version: order.version,
  });

  const QUERIES: Record<string, Case> = {
    patient: {
      prepare: async () => {
        const { id } = await patient();
        return {
          query: 'query ($id: ID!) { patient(id: $id) { id } }',
          variables: { id },
          expected: { Patient: [id] },
        };
      },
    },
    patients: {
      prepare: async () => {
        const { id, mrn } = await patient();
        return {
          query: 'query ($search: String) { patients(search: $search) { edges { node { id } } } }',
          variables: { search: mrn },
          expected: { Patient: [id] },
        };
      },
    },
    eligibility: {
      prepare: async () => {
        const { id } = await patient();
        return {
          query: 'query ($id: ID!) { eligibility(patientId: $id, condition: CRPS) { eligible } }',
          variables: { id },
          expected: { Patient: [id] },
        };
      },
    },
    trialStartCheck: {
      prepare: async () => {
        const { id } = await aPatientReadyToStart(prisma(), cast.clinic.id, cast.coordinator.id);
        return {
          query: `query ($id: ID!) { trialStartCheck(patientId: $id, input: { condition: CRPS, startDate: "2026-03-10" }) {
            canStart baseline { score } } }`,
          variables: { id },
          expected: { Patient: [id] },
        };
      },
    },
    trial: {
      prepare: async () => {
        const { id } = await trial();
        return {
          query: 'query ($id: ID!) { trial(id: $id) { id } }',
          variables: { id },
          expected: { Trial: [id] },
        };
      },
    },
    worklist: {
      prepare: async () => {
        const { patientId } = await trial();
        return {
          query: 'query { worklist { code trial { id patient { id } } } }',
          variables: {},
          expected: { Patient: [patientId] },
        };
      },
    },
    order: {
      prepare: async () => {
        const { id } = await anOrder('SUBMITTED');
        return {
          query: 'query ($id: ID!) { order(id: $id) { id allergies } }',
          variables: { id },
          expected: { Order: [id] },
        };
      },
    },
    pharmacyOrder: {
      prepare: async () => {
        const { id } = await anOrder('SUBMITTED');
        return {
          query: 'query ($id: ID!) { pharmacyOrder(id: $id) { id patient { familyName } } }',
          variables: { id },
          expected: { Order: [id] },
        };
      },
    },
    pharmacyQueue: {
      prepare: async () => {
        const { patientId } = await anOrder('SUBMITTED');
        return {
          query:
            'query { pharmacyQueue(first: 100) { edges { node { id patient { familyName dateOfBirth } } } } }',
          variables: {},
          expected: { Patient: [patientId] },
        };
      },
    },
  };

  const trialMutation = (
    name: string,
    input: string,
    values: Record<string, unknown>,
    options?: Parameters<typeof trial>[0],
  ): Case => ({
    prepare: async () => ({
      query: `mutation ($trialId: ID!, $input: ${input}!) { ${name}(trialId: $trialId, input: $input) { id } }`,
      variables: { trialId: (await trial(options)).id, input: values },
    }),
  });
  /** Marks a record of a new trial entered in error; the record is named with its trial. */
  const trialRecordMark = (
    entity: 'DoseChange' | 'AdverseEffect' | 'Assessment',
    idArgument: string,
    record: (trialId: string) => Promise<{ id: string }>,
  ): Case => ({
    prepare: async () => {
      const { id: trialId, version } = await trial();
      const { id } = await record(trialId);
      return {
        query: `mutation ($id: ID!, $version: Int!) { mark${entity}EnteredInError(${idArgument}: $id, trialVersion: $version, reason: "Wrong trial") { id } }`,
        variables: { id, version },
        expected: { [entity]: [id] },
      };
    },
  });
  const patientMutation = (
    name: string,
    input: string,
    values: Record<string, unknown>,
    selection = '{ id }',
  ): Case => ({
    prepare: async () => ({
      query: `mutation ($patientId: ID!, $input: ${input}!) { ${name}(patientId: $patientId, input: $input) ${selection} }`,
      variables: { patientId: (await patient()).id, input: values },
    }),
  });
  const pharmacyMove = (
    name: string,
    input: string,
    from: OrderState,
    extra: Record<string, unknown> = {},
  ): Case => ({
    prepare: async () => ({
      query: ORDER_MUTATION(name, input),
      variables: { input: { ...orderVersion(await anOrder(from)), ...extra } },
    }),
  });

  const MUTATIONS: Record<string, Case> = {
    registerPatient: {
      prepare: async () => ({
        query: 'mutation ($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }',
        variables: {
          input: {
            givenName: 'Ana',
            familyName: 'Ruiz',
            dateOfBirth: '2001-05-01',
            mrn: `R-${Math.random()}`.slice(0, 20),
          },
        },
      }),
    },
    updatePatient: {
      prepare: async () => {
        const { id, version } = await patient();
        return {
          query:
            'mutation ($id: ID!, $version: Int!) { updatePatient(id: $id, version: $version, input: { phone: "555-0100" }) { id } }',
          variables: { id, version },
        };
      },
    },
    recordPriorTherapy: patientMutation('recordPriorTherapy', 'PriorTherapyInput', {
      drug: 'nortriptyline',
      outcome: 'INEFFECTIVE',
    }),
    recordMedication: patientMutation(
      'recordMedication',
      'MedicationInput',
      { drug: 'ibuprofen', startedOn: '2026-03-01' },
      '{ medication { id } patient { id } trialsPutOnHold { id } }',
    ),
    attestOpioidFree: patientMutation('attestOpioidFree', 'OpioidFreeAttestationInput', {
      attestedOn: '2026-03-10',
    }),
    recordConsent: patientMutation('recordConsent', 'ConsentInput', {
      points: [...CONSENT_POINT_CODES],
      recordedOn: '2026-03-10',
    }),
    recordSymptomScore: patientMutation('recordSymptomScore', 'SymptomScoreInput', {
      measure: 'PAIN_NRS',
      score: 5,
      scoredOn: '2026-03-10',
    }),
    recordVisitScores: {
      prepare: async () => ({
        query:
          'mutation ($patientId: ID!) { recordVisitScores(patientId: $patientId, scoredOn: "2026-03-10", scores: [{ measure: PAIN_NRS, score: 5 }, { measure: SLEEP, score: 6 }]) { id } }',
        variables: { patientId: (await patient()).id },
      }),
    },
    amendSymptomScore: {
      prepare: async () => {
        const { id, version } = await symptomScore();
        return {
          query:
            'mutation ($id: ID!, $version: Int!) { amendSymptomScore(scoreId: $id, version: $version, score: 4, reason: "Misheard") { id } }',
          variables: { id, version },
        };
      },
    },
    markSymptomScoreEnteredInError: {
      prepare: async () => {
        const { id, version } = await symptomScore();
        return {
          query:
            'mutation ($id: ID!, $version: Int!) { markSymptomScoreEnteredInError(scoreId: $id, version: $version, reason: "Wrong patient") { id } }',
          variables: { id, version },
        };
      },
    },
    stopMedication: {
      prepare: async () => ({
        query: 'mutation ($id: ID!) { stopMedication(medicationId: $id, stoppedOn: "2026-03-10") { id } }',
        variables: { id: (await medication()).id },
      }),
    },
    amendMedication: {
      prepare: async () => {
        const { id, version } = await medication();
        return {
          query: `mutation ($id: ID!, $version: Int!) { amendMedication(medicationId: $id, version: $version, reason: "Dose misread", input: { dose: "200 mg" }) {
            medication { id } patient { id } } }`,
          variables: { id, version },
        };
      },
    },
    markMedicationEnteredInError: {
      prepare: async () => {
        const { id, version } = await medication();
        return {
          query:
            'mutation ($id: ID!, $version: Int!) { markMedicationEnteredInError(medicationId: $id, version: $version, reason: "Wrong patient") { id } }',
          variables: { id, version },
        };
      },
    },
    confirmPossibleOpioid: {
      prepare: async () => {
        const { id, version } = await medication('tramadol', { needsReview: true });
        return {
          query:
            'mutation ($id: ID!, $version: Int!) { confirmPossibleOpioid(medicationId: $id, version: $version) { medication { id } } }',
          variables: { id, version },
        };
      },
    },
    amendPriorTherapy: {
      prepare: async () => {
        const { id, version } = await priorTherapy();
        return {
          query:
            'mutation ($id: ID!, $version: Int!) { amendPriorTherapy(priorTherapyId: $id, version: $version, reason: "Dose range", input: { doseRange: "10–50 mg" }) { id } }',
          variables: { id, version },
        };
      },
    },
    markPriorTherapyEnteredInError: {
      prepare: async () => {
        const { id, version } = await priorTherapy();
        return {
          query:
            'mutation ($id: ID!, $version: Int!) { markPriorTherapyEnteredInError(priorTherapyId: $id, version: $version, reason: "Wrong patient") { id } }',
          variables: { id, version },
        };
      },
    },
    startTrial: {
      prepare: async () => {
        const { id } = await aPatientReadyToStart(prisma(), cast.clinic.id, cast.coordinator.id);
        await painScores(prisma(), id, cast.coordinator.id, { '2026-03-09': 7 });
        return {
          query:
            'mutation ($id: ID!) { startTrial(patientId: $id, input: { condition: CRPS, startDate: "2026-03-10" }) { id } }',
          variables: { id },
        };
      },
    },
    changeDose: trialMutation('changeDose', 'DoseChangeInput', { changedOn: '2026-02-15', doseMg: 3 }),
    declareMaintenanceDose: trialMutation(
      'declareMaintenanceDose',
      'MaintenanceDoseInput',
      { doseMg: 3, declaredOn: '2026-02-28' },
      {
        startDate: '2026-02-01',
        doseChanges: [['2026-02-15', 3]],
      },
    ),
    recordAdverseEffect: trialMutation('recordAdverseEffect', 'AdverseEffectInput', {
      kind: 'NAUSEA',
      severity: 'MILD',
      action: 'NONE',
      onsetOn: '2026-03-05',
    }),
    discontinueTrial: trialMutation('discontinueTrial', 'DiscontinueTrialInput', {
      discontinuedOn: '2026-03-10',
      reason: 'PATIENT_CHOICE',
    }),
    // A trial's record marked entered in error: the record and its trial are both named.
    markDoseChangeEnteredInError: trialRecordMark('DoseChange', 'doseChangeId', (trialId) =>
      prisma().doseChange.create({
        data: { trialId, changedOn: new Date('2026-02-15'), doseMg: 3, prescribedById: cast.clinician.id },
      }),
    ),
    markAdverseEffectEnteredInError: trialRecordMark('AdverseEffect', 'adverseEffectId', (trialId) =>
      prisma().adverseEffect.create({
        data: {
          trialId,
          kind: 'NAUSEA',
          onsetOn: new Date('2026-03-05'),
          severity: 'MILD',
          action: 'NONE',
          recordedById: cast.coordinator.id,
        },
      }),
    ),
    // A side effect the patient reported through the link (issue #19), reviewed by the clinic.
    reviewPatientAdverseEffect: {
      prepare: async () => {
        const { id: trialId } = await trial();
        const { id } = await prisma().adverseEffect.create({
          data: {
            trialId,
            kind: 'NAUSEA',
            onsetOn: new Date('2026-03-05'),
            severity: 'MILD',
            action: 'NONE',
            source: 'PATIENT',
          },
        });
        return {
          query: 'mutation ($id: ID!) { reviewPatientAdverseEffect(adverseEffectId: $id) { id } }',
          variables: { id },
        };
      },
    },
    markAssessmentEnteredInError: trialRecordMark('Assessment', 'assessmentId', (trialId) =>
      prisma().assessment.create({
        data: {
          trialId,
          assessedOn: new Date('2026-03-09'),
          baselineScore: 7,
          meanScore: 4,
          relativeReduction: 0.4286,
          responseClass: 'MEANINGFUL',
          decision: 'CONTINUE',
          assessedById: cast.clinician.id,
        },
      }),
    ),
    assessResponse: {
      prepare: async () => {
        const atTarget = await trial({
          startDate: '2026-01-01',
          doseChanges: [
            ['2026-01-15', 3],
            ['2026-01-29', 4.5],
          ],
        });
        await painScores(prisma(), atTarget.patientId, cast.coordinator.id, scoresEndingOn('2026-03-10', 4));
        return {
          query:
            'mutation ($trialId: ID!) { assessResponse(trialId: $trialId, input: { assessedOn: "2026-03-10", decision: CONTINUE }) { id } }',
          variables: { trialId: atTarget.id },
        };
      },
    },
    markTrialEnteredInError: {
      // The trial's open orders are cancelled with it: each cancelled order is named too.
      prepare: async () => {
        const order = await anOrder('SUBMITTED');
        const { version } = await prisma().trial.findUniqueOrThrow({ where: { id: order.trialId } });
        return {
          query:
            'mutation ($trialId: ID!, $version: Int!) { markTrialEnteredInError(trialId: $trialId, version: $version, reason: "Started by mistake") { id } }',
          variables: { trialId: order.trialId, version },
          expected: { Order: [order.id] },
        };
      },
    },
    holdTrial: {
      // The trial's open orders are held with it: each held order is named too.
      prepare: async () => {
        const order = await anOrder('SUBMITTED');
        return {
          query:
            'mutation ($trialId: ID!) { holdTrial(trialId: $trialId, input: { heldOn: "2026-03-10", reason: ADVERSE_EFFECT }) { id } }',
          variables: { trialId: order.trialId },
          expected: { Order: [order.id] },
        };
      },
    },
    resumeTrial: {
      // Its held orders are released with it: each released order is named too.
      prepare: async () => {
        const order = await anOrder('SUBMITTED');
        await call(
          'CLINICIAN',
          'mutation ($trialId: ID!) { holdTrial(trialId: $trialId, input: { heldOn: "2026-03-05", reason: ADVERSE_EFFECT }) { id } }',
          {
            trialId: order.trialId,
          },
        );
        return {
          query:
            'mutation ($trialId: ID!) { resumeTrial(trialId: $trialId, input: { resumedOn: "2026-03-10" }) { id } }',
          variables: { trialId: order.trialId },
          expected: { Order: [order.id] },
        };
      },
    },
    createOrder: {
      prepare: async () => {
        const { trial: forTrial } = await aTrialInClinic(prisma(), {
          clinicId: cast.clinic.id,
          prescriberId: cast.clinician.id,
        });
        return {
          query:
            'mutation ($trialId: ID!, $input: OrderInput!) { createOrder(trialId: $trialId, input: $input) { id } }',
          variables: { trialId: forTrial.id, input: { ...CAPSULE_PACK, fromDate: '2026-03-01' } },
        };
      },
    },
    updateOrderDraft: {
      prepare: async () => ({
        query:
          'mutation ($order: OrderVersionInput!, $input: OrderInput!) { updateOrderDraft(order: $order, input: $input) { id } }',
        variables: {
          order: orderVersion(await anOrder('DRAFT')),
          input: { ...CAPSULE_PACK, fromDate: '2026-03-01', refills: 1 },
        },
      }),
    },
    submitOrder: {
      prepare: async () => ({
        query: ORDER_MUTATION('submitOrder', 'SubmitOrderInput'),
        variables: {
          input: {
            ...orderVersion(await anOrder('DRAFT')),
            idempotencyKey: `submit-${Math.random().toString(36).slice(2)}`,
            password: TEST_PASSWORD,
          },
        },
      }),
    },
    cancelOrder: {
      prepare: async () => ({
        query: ORDER_MUTATION('cancelOrder', 'ReasonedOrderInput'),
        variables: { input: { ...orderVersion(await anOrder('SUBMITTED')), reason: 'Patient moved away' } },
      }),
    },
    releaseOrderHold: {
      prepare: async () => ({
        query: ORDER_MUTATION('releaseOrderHold', 'OrderVersionInput'),
        variables: { input: orderVersion(await anOrder('ON_HOLD')) },
      }),
    },
    acknowledgeOrder: pharmacyMove('acknowledgeOrder', 'OrderVersionInput', 'SUBMITTED'),
    startCompounding: pharmacyMove('startCompounding', 'OrderVersionInput', 'RECEIVED'),
    markReady: pharmacyMove('markReady', 'MarkReadyInput', 'COMPOUNDING', {
      lotNumber: 'LOT-1',
      beyondUseDate: '2026-06-01',
      compoundedOn: '2026-03-10',
    }),
    dispenseOrder: pharmacyMove('dispenseOrder', 'DispenseOrderInput', 'READY', {
      trackingNumber: '1Z9999',
      dispensedOn: '2026-03-10',
    }),
    verifyOrder: {
      prepare: async () => {
        // Compounded by the other pharmacist and not verified yet: the one signed in verifies it.
        const ready = await anOrder('READY');
        await prisma().order.update({
          where: { id: ready.id },
          data: { compoundedById: cast.secondPharmacist.id, verifiedById: null, verifiedAt: null },
        });
        return {
          query: ORDER_MUTATION('verifyOrder', 'OrderVersionInput'),
          variables: { input: orderVersion(ready) },
        };
      },
    },
    rejectOrder: pharmacyMove('rejectOrder', 'RejectOrderInput', 'SUBMITTED', {
      code: 'OUT_OF_STOCK',
      reason: 'Strength not stocked',
    }),
    releaseOrder: pharmacyMove('releaseOrder', 'OrderVersionInput', 'ON_HOLD'),
  };

  it('has a case for every Query and Mutation field that can answer with patient data', () => {
    expect(Object.keys(QUERIES).sort()).toEqual(fieldsWithPatientData(sdl.getQueryType()));
    expect(Object.keys(MUTATIONS).sort()).toEqual(fieldsWithPatientData(sdl.getMutationType()));
  });

  /** Runs `prepared` as `role`; the audit rows that request wrote (they share its request id). */
  async function auditedBy(role: Role, prepared: Call) {
    const { _max } = await prisma().auditLog.aggregate({ _max: { id: true } });
    const data = await call(role, prepared.query, prepared.variables);
    const rows = await prisma().auditLog.findMany({
      where: { id: { gt: _max.id ?? 0n }, actorId: personOf(role).id },
      orderBy: { id: 'asc' },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.requestId)).size).toBe(1);
    const named = (entity: string) =>
      new Set(
        rows.filter((row) => row.entity === entity).flatMap((row) => [row.entityId ?? '', ...row.entityIds]),
      );
    return { data: data as Record<string, unknown>, named };
  }

  const expectNamed = (named: (entity: string) => Set<string>, expected: Expected) => {
    for (const [entity, ids] of Object.entries(expected)) {
      for (const recordId of ids) expect(named(entity), `${entity} ${recordId}`).toContain(recordId);
    }
  };

  const roleCases = (cases: Record<string, Case>, kind: 'query' | 'mutation') =>
    Object.keys(cases).flatMap((field) => rolesOf(kind, field).map((role) => [field, role] as const));

  describe('queries', () => {
    it.each(roleCases(QUERIES, 'query'))('%s as %s', async (field, role) => {
      const prepared = await QUERIES[field]!.prepare(role);
      const { named } = await auditedBy(role, prepared);
      expectNamed(named, prepared.expected ?? {});
    });
  });

  describe('mutations', () => {
    it.each(roleCases(MUTATIONS, 'mutation'))('%s as %s', async (field, role) => {
      const prepared = await MUTATIONS[field]!.prepare(role);
      const { data, named } = await auditedBy(role, prepared);
      const answer = data[field] as { id?: string; medication?: { id: string } } | { id: string }[];
      // A list answer (a visit's scores) names each of its records.
      const [entity, recordIds] = Array.isArray(answer)
        ? [entityOfAnswer(field), answer.map((record) => record.id)]
        : answer.medication === undefined
          ? [entityOfAnswer(field), [answer.id ?? '']]
          : ['Medication', [answer.medication.id]];
      expectNamed(named, { [entity]: recordIds, ...prepared.expected });
    });
  });

  it('names each order an opioid puts on hold with its trial (recordMedication during a trial)', async () => {
    const order = await anOrder('SUBMITTED');
    const held = await prisma().trial.findUniqueOrThrow({ where: { id: order.trialId } });
    const { named } = await auditedBy('COORDINATOR', {
      query: `mutation ($patientId: ID!) { recordMedication(patientId: $patientId, input: { drug: "oxycodone", startedOn: "2026-03-09" }) {
        medication { id } trialsPutOnHold { id } } }`,
      variables: { patientId: held.patientId },
    });
    expectNamed(named, { Trial: [held.id], Order: [order.id] });
    expect(await prisma().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      state: 'ON_HOLD',
    });
  });
});
