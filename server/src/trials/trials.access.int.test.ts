import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aPatientReadyToStart, apiAs, aTrialRow, OPERATIONS, startInput } from './trial.builders.ts';

type Role = 'clinician' | 'coordinator' | 'pharmacist' | 'admin' | 'otherClinician';
type Operation = keyof typeof OPERATIONS;

/** Valid variables of every trial operation for a patient and a trial. */
function variablesOf(operation: Operation, patientId: string, trialId: string): Record<string, unknown> {
  const inputs: Record<Operation, Record<string, unknown>> = {
    startCheck: { patientId, input: startInput() },
    start: { patientId, input: startInput() },
    trial: { id: trialId },
    changeDose: { trialId, input: { changedOn: '2026-03-15', doseMg: 3 } },
    maintenance: { trialId, input: { doseMg: 3, declaredOn: '2026-03-14' } },
    hold: { trialId, input: { heldOn: '2026-03-10', reason: 'OTHER' } },
    resume: { trialId, input: { resumedOn: '2026-03-12' } },
    adverseEffect: {
      trialId,
      input: { kind: 'NAUSEA', onsetOn: '2026-03-03', severity: 'MILD', action: 'NONE' },
    },
    assess: { trialId, input: { assessedOn: '2026-03-15', decision: 'CONTINUE' } },
    discontinue: { trialId, input: { discontinuedOn: '2026-03-14', reason: 'PATIENT_CHOICE' } },
    worklist: {},
  };
  return inputs[operation];
}

const CLINICIAN_ONLY: Operation[] = ['start', 'changeDose', 'maintenance', 'assess', 'discontinue'];
const CLINIC_ROLES_MAY: Operation[] = ['startCheck', 'trial', 'worklist', 'hold', 'resume', 'adverseEffect'];
const ALL = [...CLINICIAN_ONLY, ...CLINIC_ROLES_MAY];
const BY_ID = ALL.filter((operation) => operation !== 'worklist');

describe('who may do what with trials', () => {
  const clock = fixedClock('2026-03-15T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const cookies = {} as Record<Role, string>;
  let patientId: string;
  let trialId: string;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    for (const role of ['clinician', 'coordinator', 'pharmacist', 'admin', 'otherClinician'] as const) {
      cookies[role] = await signIn(server, cast[role]);
    }
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    patientId = patient.id;
    trialId = (await aTrialRow(server.db.prisma, patient, cast.clinician.id)).id;
  });
  afterAll(async () => {
    await server?.close();
  });

  const call = async (
    role: Role | null,
    operation: Operation,
    variables = variablesOf(operation, patientId, trialId),
  ) => {
    const response = await server.graphql(
      OPERATIONS[operation],
      variables,
      role === null ? {} : { cookie: cookies[role] },
    );
    return response.errors?.[0]?.extensions?.code;
  };

  it.each(
    ALL.flatMap((operation) => (['pharmacist', 'admin'] as const).map((role) => [role, operation] as const)),
  )('refuses a %s %s (FORBIDDEN)', async (role, operation) => {
    expect(await call(role, operation)).toBe('FORBIDDEN');
  });

  it.each(CLINICIAN_ONLY)('refuses a coordinator %s (FORBIDDEN)', async (operation) => {
    expect(await call('coordinator', operation)).toBe('FORBIDDEN');
  });

  it.each(ALL)('asks who is there before %s (UNAUTHENTICATED)', async (operation) => {
    expect(await call(null, operation)).toBe('UNAUTHENTICATED');
  });

  it.each(CLINIC_ROLES_MAY.filter((operation) => operation !== 'resume'))(
    'lets a coordinator %s',
    async (operation) => {
      expect(await call('coordinator', operation)).toBeUndefined();
    },
  );

  it.each(BY_ID)(
    "answers another clinic's clinician NOT_FOUND on %s, exactly as for a missing id",
    async (operation) => {
      const foreign = await server.graphql(
        OPERATIONS[operation],
        variablesOf(operation, patientId, trialId),
        {
          cookie: cookies.otherClinician,
        },
      );
      const missing = await server.graphql(
        OPERATIONS[operation],
        variablesOf(operation, randomUUID(), randomUUID()),
        {
          cookie: cookies.otherClinician,
        },
      );
      expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(foreign.errors?.[0]).toEqual(missing.errors?.[0]);
      expect(foreign.data).toEqual(missing.data);
    },
  );

  it('answers an id that is not a record id NOT_FOUND', async () => {
    expect(await call('clinician', 'trial', { id: 'not-an-id' })).toBe('NOT_FOUND');
  });

  it("gives another clinic's clinician an empty worklist", async () => {
    const other = apiAs(server, cookies.otherClinician);
    expect(await other(OPERATIONS.worklist, { asOf: '2026-03-16' })).toEqual({ worklist: [] });
  });

  it("keeps another clinic's trials off a patient reached through a nested field", async () => {
    const foreignPatient = await aPatientReadyToStart(
      server.db.prisma,
      cast.otherClinic.id,
      cast.otherClinician.id,
    );
    await aTrialRow(server.db.prisma, foreignPatient, cast.otherClinician.id);
    const clinician = apiAs(server, cookies.clinician);
    await expect(
      clinician('query ($id: ID!) { patient(id: $id) { trials { id } } }', { id: foreignPatient.id }),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
