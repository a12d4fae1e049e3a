import type { Patient } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { type Api, aPatientReadyToStart, apiAs, aTrialRow, OPERATIONS } from './trial.builders.ts';

interface Worklist {
  worklist: {
    code: string;
    date: string;
    message: string;
    trial: { id: string; condition: string; patient: { id: string; givenName: string; familyName: string } };
  }[];
}

describe("the clinic's worklist", () => {
  const clock = fixedClock('2026-03-15T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let coordinator: Api;
  let patient: Patient;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    coordinator = apiAs(server, await signIn(server, cast.coordinator));
    patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  const worklist = async (asOf?: string, api = coordinator) =>
    (await api<Worklist>(OPERATIONS.worklist, { asOf })).worklist;
  const codesOf = (items: Worklist['worklist'], trialId: string) =>
    items.filter((item) => item.trial.id === trialId).map(({ code, date }) => [code, date]);

  it.each([
    ['2026-03-15', [['DOSE_STEP_DUE', '2026-03-15']], []],
    ['2026-03-16', [['DOSE_STEP_OVERDUE', '2026-03-15']], []],
    [
      '2026-04-26',
      [['ASSESSMENT_WINDOW_OPEN', '2026-05-24']],
      [
        ['2026-03-15', 3],
        ['2026-03-29', 4.5],
      ],
    ],
    [
      '2026-05-25',
      [['ASSESSMENT_OVERDUE', '2026-05-24']],
      [
        ['2026-03-15', 3],
        ['2026-03-29', 4.5],
      ],
    ],
  ] as const)('as of %s lists %j', async (asOf, expected, doseChanges) => {
    const trial = await aTrialRow(server.db.prisma, patient, cast.clinician.id, {
      doseChanges: doseChanges.map(([date, dose]) => [date, dose]),
    });
    expect(codesOf(await worklist(asOf), trial.id)).toEqual(expected);
    await server.db.prisma.trial.update({
      where: { id: trial.id },
      data: { state: 'DISCONTINUED', endedOn: new Date('2026-03-02') },
    });
  });

  it('audits the patients it lists in one LIST row with ids only', async () => {
    const trial = await aTrialRow(server.db.prisma, patient, cast.clinician.id);
    const before = await server.db.prisma.auditLog.count({ where: { action: 'LIST' } });
    const items = await worklist('2026-03-16');
    const rows = await server.db.prisma.auditLog.findMany({
      where: { action: 'LIST', id: { gt: BigInt(0) } },
      orderBy: { id: 'asc' },
      skip: before,
    });
    const shown = [...new Set(items.map((item) => item.trial.patient.id))].sort();
    expect(shown).toContain(patient.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'Patient', entityId: null, actorId: cast.coordinator.id });
    expect([...(rows[0]?.entityIds ?? [])].sort()).toEqual(shown);
    await server.db.prisma.trial.update({
      where: { id: trial.id },
      data: { state: 'DISCONTINUED', endedOn: new Date('2026-03-02') },
    });
  });

  it('lists a trial on hold, with its patient, and leaves out ended trials', async () => {
    const held = await aTrialRow(server.db.prisma, patient, cast.clinician.id);
    await coordinator(OPERATIONS.hold, {
      trialId: held.id,
      input: { heldOn: '2026-03-10', reason: 'ADVERSE_EFFECT' },
    });
    const items = await worklist();
    expect(items.filter((i) => i.trial.id === held.id)).toEqual([
      {
        code: 'TRIAL_ON_HOLD',
        date: '2026-03-10',
        message: expect.any(String),
        trial: {
          id: held.id,
          condition: 'CRPS',
          patient: { id: patient.id, givenName: patient.givenName, familyName: patient.familyName },
        },
      },
    ]);
    await server.db.prisma.trial.update({
      where: { id: held.id },
      data: { state: 'DISCONTINUED', endedOn: new Date('2026-03-12') },
    });
    expect(codesOf(await worklist(), held.id)).toEqual([]);
  });

  it('sorts the actions by date', async () => {
    await aTrialRow(server.db.prisma, patient, cast.clinician.id, { startDate: '2026-02-20' });
    await aTrialRow(server.db.prisma, patient, cast.clinician.id, { startDate: '2026-02-25' });
    const dates = (await worklist()).map((item) => item.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("shows another clinic's user nothing of this clinic", async () => {
    const other = apiAs(server, await signIn(server, cast.otherClinician));
    expect(await worklist(undefined, other)).toEqual([]);
  });

  it('costs the same number of SQL statements for 10 and for 100 active trials', async () => {
    const countStatements = async () => {
      let statements = 0;
      const stop = server.db.onStatement(() => {
        statements += 1;
      });
      try {
        await worklist('2026-03-16');
      } finally {
        stop();
      }
      return statements;
    };
    const addTrials = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const someone = await server.db.prisma.patient.create({
          data: {
            clinicId: cast.clinic.id,
            mrn: `W-${count}-${i}`,
            givenName: 'A',
            familyName: 'B',
            dateOfBirth: new Date('1970-01-01'),
          },
        });
        await aTrialRow(server.db.prisma, someone, cast.clinician.id);
      }
    };
    await addTrials(10);
    const withTen = await countStatements();
    await addTrials(90);
    const withHundred = await countStatements();
    expect((await worklist('2026-03-16')).length).toBeGreaterThanOrEqual(100);
    expect(withHundred).toBe(withTen);
  });
});
