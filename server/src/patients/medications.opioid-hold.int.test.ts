import type { TrialState } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { type Api, aPatient, apiAs, aTrial } from './patient.builders.ts';
import { RECORD_MEDICATION } from './patient.operations.ts';

interface Payload {
  recordMedication: {
    medication: { id: string; isOpioid: boolean };
    patient: { id: string };
    findings: { code: string; severity: string; message: string; evidence: string[] }[];
    trialsPutOnHold: { id: string; heldOn: string }[];
  };
}

describe('an opioid recorded during an LDN trial (clinical-rules §3)', () => {
  // Today is 2026-03-10 in the clinic.
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let asCoordinator: Api;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z') });
    cast = await aNetwork(server.db.prisma);
    asCoordinator = apiAs(server, await signIn(server, cast.coordinator));
  });
  afterAll(async () => {
    await server?.close();
  });

  const aPatientWithTrial = async (state: TrialState) => {
    const patient = await aPatient(server.db.prisma, cast.clinic.id);
    const trial = await aTrial(server.db.prisma, patient, cast.clinician.id, state);
    return { patient, trial };
  };
  const recordMedication = (patientId: string, drug: string) =>
    asCoordinator<Payload>(RECORD_MEDICATION, { patientId, input: { drug, startedOn: '2026-03-09' } }).then(
      (data) => data.recordMedication,
    );

  it('puts an active trial ON_HOLD and tells the prescriber LDN blocks the opioid', async () => {
    const { patient, trial } = await aPatientWithTrial('TITRATING');
    const payload = await recordMedication(patient.id, 'oxycodone/acetaminophen');
    expect(payload.medication.isOpioid).toBe(true);
    expect(payload.patient.id).toBe(patient.id);
    expect(payload.trialsPutOnHold).toEqual([{ id: trial.id, heldOn: '2026-03-10' }]);
    expect(payload.findings).toEqual([
      {
        code: 'OPIOID_STARTED_DURING_TRIAL',
        severity: 'WARNING',
        message: expect.stringContaining('LDN blocks its analgesia'),
        evidence: ['7', '8'],
      },
    ]);
    const held = await server.db.prisma.trial.findUniqueOrThrow({
      where: { id: trial.id },
      include: { holds: true },
    });
    expect(held).toMatchObject({ state: 'ON_HOLD', version: trial.version + 1 });
    expect(held.holds).toMatchObject([
      { reason: 'OPIOID_STARTED', stateBefore: 'TITRATING', heldById: cast.coordinator.id, resumedOn: null },
    ]);
    const audits = await server.db.prisma.auditLog.findMany({ where: { entityId: trial.id } });
    expect(audits).toMatchObject([{ action: 'HOLD', entity: 'Trial' }]);
  });

  it.each(['AT_TARGET', 'ASSESSMENT_DUE', 'CONTINUING', 'EXTENDED'] as const)(
    'holds a trial that is %s',
    async (state) => {
      const { patient, trial } = await aPatientWithTrial(state);
      const payload = await recordMedication(patient.id, 'Percocet');
      expect(payload.trialsPutOnHold.map((t) => t.id)).toEqual([trial.id]);
      const held = await server.db.prisma.trialHold.findFirstOrThrow({ where: { trialId: trial.id } });
      expect(held.stateBefore).toBe(state);
    },
  );

  it.each(['SCREENING', 'READY', 'DISCONTINUED'] as const)(
    'leaves a trial that is %s alone and warns of nothing',
    async (state) => {
      const { patient, trial } = await aPatientWithTrial(state);
      const payload = await recordMedication(patient.id, 'tramadol');
      expect(payload).toMatchObject({ findings: [], trialsPutOnHold: [] });
      expect((await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).state).toBe(state);
    },
  );

  it('still warns, but adds no second hold, when the trial is already on hold', async () => {
    const { patient, trial } = await aPatientWithTrial('ON_HOLD');
    const payload = await recordMedication(patient.id, 'fentanyl');
    expect(payload.findings.map((f) => f.code)).toEqual(['OPIOID_STARTED_DURING_TRIAL']);
    expect(payload.trialsPutOnHold).toEqual([]);
    expect(await server.db.prisma.trialHold.count({ where: { trialId: trial.id } })).toBe(0);
  });

  it('does not hold the trial for a medication that is not an opioid', async () => {
    const { patient, trial } = await aPatientWithTrial('TITRATING');
    const payload = await recordMedication(patient.id, 'naltrexone');
    expect(payload).toMatchObject({ medication: { isOpioid: false }, findings: [], trialsPutOnHold: [] });
    expect((await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).state).toBe(
      'TITRATING',
    );
  });

  it('records neither the medication nor the hold when the hold cannot be written', async () => {
    const { patient, trial } = await aPatientWithTrial('TITRATING');
    // A trigger that refuses every hold makes the hold, written after the medication, fail.
    const medicationsBefore = await server.db.prisma.medication.count({ where: { patientId: patient.id } });
    await server.db.withSession((session) =>
      session.exec(`
        CREATE FUNCTION refuse_hold() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no holds today'; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER refuse_hold BEFORE INSERT ON "TrialHold" FOR EACH ROW EXECUTE FUNCTION refuse_hold();
      `),
    );
    try {
      await expect(recordMedication(patient.id, 'morphine')).rejects.toMatchObject({
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    } finally {
      await server.db.withSession((session) =>
        session.exec('DROP TRIGGER refuse_hold ON "TrialHold"; DROP FUNCTION refuse_hold();'),
      );
    }
    expect(await server.db.prisma.medication.count({ where: { patientId: patient.id } })).toBe(
      medicationsBefore,
    );
    expect((await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).state).toBe(
      'TITRATING',
    );
  });
});
