import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aPatientReadyToStart, aTrialRow } from './trial.builders.ts';
import { MARK_ENTERED_IN_ERROR, READ_MARKED } from './trial-entered-in-error.operations.ts';

type Person = 'clinician' | 'coordinator' | 'pharmacist' | 'admin' | 'otherClinician';

describe('who may mark a trial entered in error', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const cookies = {} as Record<Person, string>;

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-15T09:00:00Z') });
    cast = await aNetwork(server.db.prisma);
    for (const person of ['clinician', 'coordinator', 'pharmacist', 'admin', 'otherClinician'] as const) {
      cookies[person] = await signIn(server, cast[person]);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  const aTrial = async () => {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    return aTrialRow(server.db.prisma, patient, cast.clinician.id);
  };
  /** The error code of marking `trialId` as `person` (undefined when it was done). */
  const markAs = async (person: Person | null, trialId: string, version = 1) => {
    const response = await server.graphql(
      MARK_ENTERED_IN_ERROR,
      { trialId, version, reason: 'Started by mistake' },
      person === null ? {} : { cookie: cookies[person] },
    );
    return response.errors?.[0]?.extensions?.code;
  };
  const isMarked = async (trialId: string) =>
    (await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trialId } })).enteredInErrorAt !== null;

  it('lets a clinician of the trial’s clinic do it', async () => {
    const trial = await aTrial();
    expect(await markAs('clinician', trial.id)).toBeUndefined();
    expect(await isMarked(trial.id)).toBe(true);
  });

  it.each([
    ['coordinator', 'FORBIDDEN'],
    ['pharmacist', 'FORBIDDEN'],
    ['admin', 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ] as const)('refuses %s (%s) and changes nothing', async (person, code) => {
    const trial = await aTrial();
    expect(await markAs(person, trial.id)).toBe(code);
    expect(await isMarked(trial.id)).toBe(false);
  });

  it('answers a clinician of another clinic NOT_FOUND, as for a trial that does not exist', async () => {
    const trial = await aTrial();
    expect(await markAs('otherClinician', trial.id)).toBe('NOT_FOUND');
    expect(await isMarked(trial.id)).toBe(false);
    expect(await markAs('clinician', randomUUID())).toBe('NOT_FOUND');
    expect(await markAs('clinician', 'not-an-id')).toBe('NOT_FOUND');
  });

  it('keeps a marked trial NOT_FOUND to another clinic', async () => {
    const trial = await aTrial();
    await markAs('clinician', trial.id);
    const response = await server.graphql(READ_MARKED, { id: trial.id }, { cookie: cookies.otherClinician });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
