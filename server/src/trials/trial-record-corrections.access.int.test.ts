import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  type Api,
  aPatientReadyToStart,
  apiAs,
  OPERATIONS,
  painScores,
  scoresEndingOn,
} from './trial.builders.ts';
import {
  aTrialAtTarget,
  markEnteredInError,
  markOperation,
  type TrialAfterMark,
  type TrialRecordKind,
  trialAfterMark,
} from './trial-record-corrections.fixtures.ts';

// What marking a trial's record entered in error refuses, each with its code, writing nothing:
// who may (clinicians of the trial's clinic), which records (not the start dose, not twice, not on
// a trial entered in error), and a trial changed since it was read.

type Role = 'clinician' | 'coordinator' | 'pharmacist' | 'admin' | 'otherClinician';
const KINDS: TrialRecordKind[] = ['DoseChange', 'AdverseEffect', 'Assessment'];

/** Everything a mark could have written: the records' marks, the trials' versions, the audit. */
async function snapshot(prisma: PrismaClient) {
  const marked = { enteredInErrorAt: { not: null } };
  const [doseChanges, adverseEffects, assessments, trials, audits] = await Promise.all([
    prisma.doseChange.count({ where: marked }),
    prisma.adverseEffect.count({ where: marked }),
    prisma.assessment.count({ where: marked }),
    prisma.trial.findMany({ select: { id: true, version: true, state: true }, orderBy: { id: 'asc' } }),
    prisma.auditLog.count({ where: { action: { notIn: ['SIGN_IN', 'READ', 'LIST'] } } }),
  ]);
  return { doseChanges, adverseEffects, assessments, trials, audits };
}

describe('what marking a trial’s record entered in error refuses', () => {
  const clock = fixedClock('2026-06-01T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const api = {} as Record<Role, Api>;
  const cookies = {} as Record<Role, string>;
  let trial: TrialAfterMark;
  let recordIds: Record<TrialRecordKind, string>;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    for (const role of ['clinician', 'coordinator', 'pharmacist', 'admin', 'otherClinician'] as const) {
      cookies[role] = await signIn(server, cast[role]);
      api[role] = apiAs(server, cookies[role]);
    }
    ({ trial, ids: recordIds } = await aTrialWithOneOfEach());
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A trial at target with one record of each kind: the 4.5 mg step, a headache, a CONTINUE. */
  async function aTrialWithOneOfEach(): Promise<{
    trial: TrialAfterMark;
    ids: Record<TrialRecordKind, string>;
  }> {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    await painScores(server.db.prisma, patient.id, cast.coordinator.id, scoresEndingOn('2026-05-01', 4));
    const started = await aTrialAtTarget(api.clinician, patient.id);
    await api.clinician(OPERATIONS.adverseEffect, {
      trialId: started.id,
      input: { kind: 'HEADACHE', onsetOn: '2026-04-02', severity: 'MILD', action: 'NONE' },
    });
    await api.clinician(OPERATIONS.assess, {
      trialId: started.id,
      input: { assessedOn: '2026-05-01', decision: 'CONTINUE' },
    });
    const read = await trialAfterMark(api.clinician, started.id);
    return {
      trial: read,
      ids: {
        DoseChange: read.doseChanges[1]?.id ?? '',
        AdverseEffect: read.adverseEffects[0]?.id ?? '',
        Assessment: read.assessments[0]?.id ?? '',
      },
    };
  }

  /** The first error's extensions of a mark as `role` (no cookie: signed out). */
  const refusal = async (
    role: Role | null,
    kind: TrialRecordKind,
    id: string,
    trialVersion = trial.version,
  ) => {
    const response = await server.graphql(
      markOperation(kind, 'id'),
      { id, trialVersion, reason: 'Wrong trial' },
      role === null ? {} : { cookie: cookies[role] },
    );
    return { data: response.data, error: response.errors?.[0] };
  };

  it.each(
    KINDS.flatMap((kind) =>
      (['coordinator', 'pharmacist', 'admin'] as const).map((role) => [kind, role] as const),
    ),
  )('refuses a %s mark by a %s (FORBIDDEN), writing nothing', async (kind, role) => {
    const before = await snapshot(server.db.prisma);
    expect((await refusal(role, kind, recordIds[kind])).error?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot(server.db.prisma)).toEqual(before);
  });

  it.each(KINDS)('asks who is there before a %s mark (UNAUTHENTICATED)', async (kind) => {
    expect((await refusal(null, kind, recordIds[kind])).error?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(KINDS)(
    'answers another clinic’s clinician NOT_FOUND on a %s mark, exactly as for a missing id',
    async (kind) => {
      const foreign = await refusal('otherClinician', kind, recordIds[kind]);
      const missing = await refusal('otherClinician', kind, randomUUID());
      expect(foreign.error?.extensions?.code).toBe('NOT_FOUND');
      expect(foreign).toEqual(missing);
    },
  );

  it('has no record for the start dose: it is the trial (marked as a whole, not here)', async () => {
    expect((await refusal('clinician', 'DoseChange', trial.id)).error?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'DoseChange',
    });
  });

  it.each([
    ['an assessment’s id as a dose change', 'DoseChange', 'Assessment'],
    ['a dose change’s id as an adverse effect', 'AdverseEffect', 'DoseChange'],
    ['an adverse effect’s id as an assessment', 'Assessment', 'AdverseEffect'],
  ] as const)('answers %s NOT_FOUND', async (_, kind, other) => {
    expect((await refusal('clinician', kind, recordIds[other])).error?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers an id that is not a record id NOT_FOUND', async () => {
    expect((await refusal('clinician', 'Assessment', 'not-an-id')).error?.extensions?.code).toBe('NOT_FOUND');
  });

  it.each(KINDS)(
    'refuses a %s mark against a stale trial version (CONFLICT), writing nothing',
    async (kind) => {
      const before = await snapshot(server.db.prisma);
      const stale = await refusal('clinician', kind, recordIds[kind], trial.version - 1);
      expect(stale.error?.extensions?.code).toBe('CONFLICT');
      expect(await snapshot(server.db.prisma)).toEqual(before);
    },
  );

  it.each([
    ['no reason', ''],
    ['a blank reason', '  \n '],
    ['a reason longer than the record keeps', 'x'.repeat(1001)],
  ])('refuses %s (BAD_USER_INPUT on reason), writing nothing', async (_, reason) => {
    const before = await snapshot(server.db.prisma);
    const response = await server.graphql(
      markOperation('AdverseEffect', 'id'),
      { id: recordIds.AdverseEffect, trialVersion: trial.version, reason },
      { cookie: cookies.clinician },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await snapshot(server.db.prisma)).toEqual(before);
  });

  it('lets a coordinator read who marked a record, when and why', async () => {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    const other = await aTrialAtTarget(api.clinician, patient.id);
    await markEnteredInError(
      api.clinician,
      'DoseChange',
      other.doseChanges[0]?.id ?? '',
      other.version,
      'Typo',
    );
    const read = await trialAfterMark(api.coordinator, other.id);
    expect(read.doseChanges[0]).toMatchObject({ enteredInError: true, enteredInErrorReason: 'Typo' });
    const { name } = await server.db.prisma.user.findUniqueOrThrow({ where: { id: cast.clinician.id } });
    expect(read.doseChanges[0]?.enteredInErrorByName).toBe(name);
  });

  describe('a record already entered in error, or of a trial entered in error', () => {
    it.each(KINDS)('refuses a second %s mark (INVALID_TRANSITION, ENTERED_IN_ERROR)', async (kind) => {
      const fresh = await aTrialWithOneOfEach();
      const marked = await markEnteredInError(api.clinician, kind, fresh.ids[kind], fresh.trial.version);
      const before = await snapshot(server.db.prisma);
      const again = await refusal('clinician', kind, fresh.ids[kind], marked.version);
      expect(again.error?.extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        state: 'ENTERED_IN_ERROR',
      });
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });

    it.each(KINDS)('refuses a %s mark on a trial entered in error (ENTERED_IN_ERROR)', async (kind) => {
      const voided = await aTrialWithOneOfEach();
      // The trial as a whole was started by mistake (markTrialEnteredInError's columns).
      await server.db.prisma.trial.update({
        where: { id: voided.trial.id },
        data: {
          enteredInErrorAt: new Date(),
          enteredInErrorById: cast.clinician.id,
          enteredInErrorReason: 'Wrong patient',
        },
      });
      const before = await snapshot(server.db.prisma);
      const refused = await refusal('clinician', kind, voided.ids[kind], voided.trial.version);
      expect(refused.error?.extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        state: 'ENTERED_IN_ERROR',
      });
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });
  });
});
