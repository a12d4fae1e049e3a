import { createHash } from 'node:crypto';
import { addDays } from '@ldn/rules';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RECORD_VISIT_SCORES } from '../patients/symptom-score.operations.ts';
import { type Api, aNetwork, apiAs, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { aPatientReadyToStart, aTrialRow, OPERATIONS } from '../trials/trial.builders.ts';
import {
  aPhone,
  aReport,
  CONFIRM,
  ISSUE,
  PAGE,
  REVOKE,
  SUBMIT,
  TRIAL_REPORTS,
  tokenOf,
} from './patient-link.fixtures.ts';

// Issue #19: the link reaches exactly one trial, expires, is revoked, throttles wrong dates of
// birth, takes tonight and 2 late evenings only, and every submission is audited with its id.

const TODAY = '2026-03-10';
const BIRTH = '1970-01-01';

interface Issued {
  issuePatientLink: { path: string; link: { id: string; state: string } };
}

describe('the patient link', () => {
  const clock = fixedClock(`${TODAY}T18:00:00Z`);
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let coordinator: Api;
  let otherClinician: Api;
  let pharmacist: Api;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    coordinator = apiAs(server, await signIn(server, cast.coordinator));
    otherClinician = apiAs(server, await signIn(server, cast.otherClinician));
    pharmacist = apiAs(server, await signIn(server, cast.pharmacist));
  });
  beforeEach(async () => {
    clock.set(`${TODAY}T18:00:00Z`);
    coordinator = await asCoordinator();
  });
  // Sessions idle out as the tests move the clock: a fresh one for each moment.
  const asCoordinator = async () => apiAs(server, await signIn(server, cast.coordinator));
  afterAll(async () => {
    await server?.close();
  });

  /** A trial started 03-01 at 1.5 mg, titrating, and its link issued by the coordinator. */
  async function aLinkedTrial() {
    const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
    const trial = await aTrialRow(server.db.prisma, patient, cast.clinician.id);
    const { issuePatientLink } = await coordinator<Issued>(ISSUE, { trialId: trial.id });
    return { patient, trial, token: tokenOf(issuePatientLink.path), linkId: issuePatientLink.link.id };
  }

  /** A phone that gave the right date of birth for `token`. */
  async function aConfirmedPhone(token: string) {
    const phone = aPhone(server);
    const confirmed = await phone.call(CONFIRM, { token, dateOfBirth: BIRTH });
    expect(confirmed.errors).toBeUndefined();
    return phone;
  }

  const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    response.errors?.[0]?.extensions?.code;

  describe('issuing', () => {
    it('answers the path once and stores only the SHA-256 of a 32-byte token', async () => {
      const { trial, token, linkId } = await aLinkedTrial();
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      const row = await server.db.prisma.patientLink.findUniqueOrThrow({ where: { id: linkId } });
      expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);
      const { trial: read } = await coordinator<{
        trial: { patientLink: { state: string; createdByName: string } };
      }>(TRIAL_REPORTS, { id: trial.id });
      expect(read.patientLink).toMatchObject({ state: 'ACTIVE', createdByName: expect.any(String) });
      expect(JSON.stringify(read)).not.toContain(token);
    });

    it('revokes the previous link when issued again, and audits both', async () => {
      const { trial, token, linkId } = await aLinkedTrial();
      const { issuePatientLink } = await coordinator<Issued>(ISSUE, { trialId: trial.id });
      const old = await aPhone(server).call<{ patientReportPage: { state: string } }>(PAGE, { token });
      expect(old.data?.patientReportPage.state).toBe('REVOKED');
      const fresh = await aPhone(server).call<{ patientReportPage: { state: string } }>(PAGE, {
        token: tokenOf(issuePatientLink.path),
      });
      expect(fresh.data?.patientReportPage.state).toBe('ACTIVE');
      const rows = await server.db.prisma.auditLog.findMany({
        where: { entity: 'PatientLink', entityId: { in: [linkId, issuePatientLink.link.id] } },
      });
      expect(rows.map((r) => `${r.action} ${r.entityId === linkId ? 'old' : 'new'}`).sort()).toEqual([
        'ISSUE new',
        'ISSUE old',
        'REVOKE old',
      ]);
      expect(rows.every((r) => r.actorId === cast.coordinator.id && r.patientLinkId === null)).toBe(true);
    });

    it('is refused to another clinic (NOT_FOUND) and to a pharmacist (FORBIDDEN)', async () => {
      const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
      const trial = await aTrialRow(server.db.prisma, patient, cast.clinician.id);
      await expect(otherClinician(ISSUE, { trialId: trial.id })).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
      await expect(pharmacist(ISSUE, { trialId: trial.id })).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      expect(await server.db.prisma.patientLink.count({ where: { trialId: trial.id } })).toBe(0);
    });
  });

  describe('the date-of-birth check', () => {
    it('shows nothing of the patient before it, and the first name, dose and evenings after', async () => {
      const { patient, token } = await aLinkedTrial();
      const phone = aPhone(server);
      const before = await phone.call<{ patientReportPage: Record<string, unknown> }>(PAGE, { token });
      expect(before.data?.patientReportPage).toMatchObject({
        state: 'ACTIVE',
        needsBirthDate: true,
        firstName: null,
        currentDoseMg: null,
        evenings: [],
      });
      const confirmed = await phone.call<{ confirmPatientBirthDate: Record<string, unknown> }>(CONFIRM, {
        token,
        dateOfBirth: BIRTH,
      });
      expect(confirmed.data?.confirmPatientBirthDate).toMatchObject({
        needsBirthDate: false,
        firstName: patient.givenName,
        currentDoseMg: 1.5,
        doseChoices: [1.5],
        eveningsReported: 0,
        evenings: [
          { evening: '2026-03-10', late: false, reported: false },
          { evening: '2026-03-09', late: true, reported: false },
          { evening: '2026-03-08', late: true, reported: false },
        ],
      });
      expect(JSON.stringify(confirmed.data)).not.toContain(patient.familyName);
      const after = await phone.call<{ patientReportPage: { firstName: string } }>(PAGE, { token });
      expect(after.data?.patientReportPage.firstName).toBe(patient.givenName);
    });

    it('sets an httpOnly, SameSite=Strict cookie named for the link, and another link does not accept it', async () => {
      const first = await aLinkedTrial();
      const second = await aLinkedTrial();
      const phone = await aConfirmedPhone(first.token);
      const response = await server.graphql(CONFIRM, { token: second.token, dateOfBirth: '1970-01-02' });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      const [setCookie] = (await server.graphql(CONFIRM, { token: first.token, dateOfBirth: BIRTH }))
        .setCookie;
      expect(setCookie).toMatch(/^ldn_patient_[0-9a-f]{32}=/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      expect(setCookie).toMatch(/Path=\/graphql/);
      const elsewhere = await phone.call<{ patientReportPage: { needsBirthDate: boolean } }>(PAGE, {
        token: second.token,
      });
      expect(elsewhere.data?.patientReportPage.needsBirthDate).toBe(true);
    });

    it('refuses a link after 5 wrong dates for 15 minutes, and locks it after 10', async () => {
      const { token, linkId } = await aLinkedTrial();
      const wrong = () => server.graphql(CONFIRM, { token, dateOfBirth: '1971-01-01' });
      for (let attempt = 1; attempt <= 5; attempt += 1) expect(codeOf(await wrong())).toBe('BAD_USER_INPUT');
      // Even the right date is refused while the link's attempts are spent: guessing gains nothing.
      expect(codeOf(await server.graphql(CONFIRM, { token, dateOfBirth: BIRTH }))).toBe('TOO_MANY_REQUESTS');
      clock.set(`${TODAY}T18:16:00Z`);
      for (let attempt = 1; attempt <= 5; attempt += 1) expect(codeOf(await wrong())).toBe('BAD_USER_INPUT');
      const locked = await aPhone(server).call<{ patientReportPage: { state: string; message: string } }>(
        PAGE,
        {
          token,
        },
      );
      expect(locked.data?.patientReportPage).toMatchObject({
        state: 'LOCKED',
        message: expect.stringMatching(/locked/),
      });
      clock.set(`${TODAY}T19:00:00Z`);
      expect(codeOf(await server.graphql(CONFIRM, { token, dateOfBirth: BIRTH }))).toBe('INVALID_TRANSITION');
      const audits = await server.db.prisma.auditLog.groupBy({
        by: ['action'],
        where: { entity: 'PatientLink', entityId: linkId, action: { in: ['BIRTH_DATE_REFUSED', 'LOCK'] } },
        _count: true,
      });
      expect(Object.fromEntries(audits.map((a) => [a.action, a._count]))).toEqual({
        BIRTH_DATE_REFUSED: 10,
        LOCK: 1,
      });
    });
  });

  describe('reporting', () => {
    it('needs a device that gave the date of birth', async () => {
      const { token } = await aLinkedTrial();
      const response = await server.graphql(SUBMIT, { token, report: aReport(TODAY) });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'BIRTH_DATE_REQUIRED',
      });
    });

    it('records scores with source PATIENT and side effects to review, audited with the link id', async () => {
      const { patient, trial, token, linkId } = await aLinkedTrial();
      const phone = await aConfirmedPhone(token);
      const sent = await phone.call<{ submitPatientReport: { eveningsReported: number } }>(SUBMIT, {
        token,
        report: aReport(TODAY, { sideEffects: [{ kind: 'VIVID_DREAMS', severity: 'MILD' }] }),
      });
      expect(sent.errors).toBeUndefined();
      expect(sent.data?.submitPatientReport.eveningsReported).toBe(1);
      const scores = await server.db.prisma.symptomScore.findMany({
        where: { patientId: patient.id, source: 'PATIENT' },
      });
      expect(scores.map((s) => [s.measure, s.score, s.recordedById]).sort()).toEqual([
        ['PAIN_NRS', 4, null],
        ['SLEEP', 6, null],
      ]);
      const { trial: read } = await coordinator<{
        trial: {
          adverseEffects: { source: string; reviewedAt: null }[];
          painScores: { source: string; recordedBy: string }[];
        };
      }>(TRIAL_REPORTS, { id: trial.id });
      expect(read.adverseEffects).toEqual([expect.objectContaining({ source: 'PATIENT', reviewedAt: null })]);
      expect(read.painScores).toContainEqual(
        expect.objectContaining({ source: 'PATIENT', recordedBy: 'the patient' }),
      );
      const audits = await server.db.prisma.auditLog.findMany({
        where: {
          requestId: (
            await server.db.prisma.auditLog.findFirstOrThrow({
              where: { action: 'PATIENT_REPORT', entityId: linkId },
            })
          ).requestId,
        },
      });
      // The patient acted, through the link: no person, the trial's clinic, the link on every row.
      expect(
        audits.every(
          (row) =>
            row.actorId === null && row.organisationId === cast.clinic.id && row.patientLinkId === linkId,
        ),
      ).toBe(true);
      expect(audits.map((row) => `${row.action} ${row.entity}`).sort()).toEqual([
        'CREATE AdverseEffect',
        'CREATE PatientReport',
        'CREATE SymptomScore',
        'CREATE SymptomScore',
        'PATIENT_REPORT PatientLink',
        'READ PatientLink',
      ]);
    });

    it.each([
      ['2026-03-10', false],
      ['2026-03-09', true],
      ['2026-03-08', true],
    ] as const)('takes the evening of %s (late: %s)', async (evening, late) => {
      const { trial, token } = await aLinkedTrial();
      const phone = await aConfirmedPhone(token);
      expect((await phone.call(SUBMIT, { token, report: aReport(evening) })).errors).toBeUndefined();
      const [report] = await server.db.prisma.patientReport.findMany({ where: { trialId: trial.id } });
      expect(report?.late).toBe(late);
    });

    it.each([['2026-03-07'], ['2026-03-11']])(
      'refuses the evening of %s by field and writes nothing',
      async (evening) => {
        const { trial, token } = await aLinkedTrial();
        const phone = await aConfirmedPhone(token);
        const response = await phone.call(SUBMIT, { token, report: aReport(evening) });
        expect(response.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'evening',
        });
        expect(await server.db.prisma.patientReport.count({ where: { trialId: trial.id } })).toBe(0);
      },
    );

    it('refuses scores out of 0–10 and a strength the plan has not reached', async () => {
      const { token } = await aLinkedTrial();
      const phone = await aConfirmedPhone(token);
      const response = await phone.call(SUBMIT, {
        token,
        report: aReport(TODAY, {
          dose: { answer: 'TAKEN', doseMg: 4.5 },
          scores: [{ measure: 'PAIN_NRS', score: 11 }],
        }),
      });
      const fields = (response.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field);
      expect(fields).toEqual(['dose.doseMg', 'scores.0.score']);
    });

    it('replaces the report of an evening sent again: one current report, the earlier scores no longer counted', async () => {
      const { patient, trial, token } = await aLinkedTrial();
      const phone = await aConfirmedPhone(token);
      await phone.call(SUBMIT, { token, report: aReport(TODAY) });
      await phone.call(SUBMIT, {
        token,
        report: aReport(TODAY, {
          dose: { answer: 'NOT_TAKEN' },
          scores: [{ measure: 'PAIN_NRS', score: 8 }],
        }),
      });
      const reports = await server.db.prisma.patientReport.findMany({
        where: { trialId: trial.id },
        orderBy: { submittedAt: 'asc' },
      });
      expect(reports.map((r) => r.replacedAt === null)).toEqual([false, true]);
      const counted = await server.db.prisma.symptomScore.findMany({
        where: { patientId: patient.id, source: 'PATIENT', enteredInErrorAt: null },
      });
      expect(counted.map((s) => [s.measure, s.score])).toEqual([['PAIN_NRS', 8]]);
    });

    it('refuses to replace an evening reported on an earlier day, and keeps the first report', async () => {
      const { patient, trial, token } = await aLinkedTrial();
      const phone = await aConfirmedPhone(token);
      await phone.call(SUBMIT, { token, report: aReport(TODAY) });
      const nextDay = addDays(TODAY, 1);
      clock.set(`${nextDay}T18:00:00Z`);
      const phoneNextDay = await aConfirmedPhone(token);
      const response = await phoneNextDay.call(SUBMIT, {
        token,
        report: aReport(TODAY, { scores: [{ measure: 'PAIN_NRS', score: 9 }] }),
      });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const counted = await server.db.prisma.symptomScore.findMany({
        where: { patientId: patient.id, source: 'PATIENT', measure: 'PAIN_NRS', enteredInErrorAt: null },
      });
      expect(counted).toHaveLength(1);
      expect(counted[0]?.score).not.toBe(9);
      expect(
        await server.db.prisma.patientReport.count({
          where: { trialId: trial.id, replacedAt: { not: null } },
        }),
      ).toBe(0);
    });

    it('keeps a clinic score and the patient’s of one day, and the assessment counts the day once', async () => {
      const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id, {
        painScores: { '2026-02-25': 8 },
      });
      const trial = await aTrialRow(server.db.prisma, patient, cast.clinician.id, {
        state: 'AT_TARGET',
        doseChanges: [
          ['2026-03-15', 3],
          ['2026-03-29', 4.5],
        ],
      });
      clock.set('2026-05-05T18:00:00Z');
      coordinator = await asCoordinator();
      const { issuePatientLink } = await coordinator<Issued>(ISSUE, { trialId: trial.id });
      const token = tokenOf(issuePatientLink.path);
      const phone = await aConfirmedPhone(token);
      for (const evening of ['2026-05-04', '2026-05-05']) {
        const report = aReport(evening, {
          dose: { answer: 'TAKEN', doseMg: 4.5 },
          scores: [{ measure: 'PAIN_NRS', score: 6 }],
        });
        expect((await phone.call(SUBMIT, { token, report })).errors).toBeUndefined();
      }
      coordinator = await asCoordinator();
      const clinician = apiAs(server, await signIn(server, cast.clinician));
      // The clinic scores a day the patient reported: accepted, both kept.
      await clinician(RECORD_VISIT_SCORES, {
        patientId: patient.id,
        scoredOn: '2026-05-04',
        scores: [{ measure: 'PAIN_NRS', score: 2 }],
      });
      const { assessResponse } = await clinician<{
        assessResponse: { assessments: { meanScore: number }[] };
      }>(OPERATIONS.assess, { trialId: trial.id, input: { assessedOn: '2026-05-05', decision: 'CONTINUE' } });
      // 05-04: the clinic's 2 (not the patient's 6 as well); 05-05: the patient's 6.
      expect(assessResponse.assessments[0]?.meanScore).toBe(4);
    });
  });

  describe('a link that no longer works says so and writes nothing', () => {
    const unusable = async (token: string, state: string) => {
      const before = await server.db.prisma.patientReport.count();
      const page = await aPhone(server).call<{ patientReportPage: { state: string; firstName: null } }>(
        PAGE,
        { token },
      );
      expect(page.data?.patientReportPage).toMatchObject({ state, firstName: null });
      return before;
    };

    it('revoked', async () => {
      const { trial, token } = await aLinkedTrial();
      const phone = await aConfirmedPhone(token);
      await coordinator(REVOKE, { trialId: trial.id });
      const before = await unusable(token, 'REVOKED');
      const response = await phone.call(SUBMIT, { token, report: aReport(TODAY) });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        state: 'REVOKED',
      });
      expect(await server.db.prisma.patientReport.count()).toBe(before);
    });

    it('expired', async () => {
      const { token } = await aLinkedTrial();
      const phone = await aConfirmedPhone(token);
      clock.set('2026-09-07T18:00:00Z');
      const before = await unusable(token, 'EXPIRED');
      const response = await phone.call(SUBMIT, { token, report: aReport('2026-09-07') });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        state: 'EXPIRED',
      });
      expect(await server.db.prisma.patientReport.count()).toBe(before);
    });

    it('its trial ended', async () => {
      const { trial, token } = await aLinkedTrial();
      await server.db.prisma.trial.update({
        where: { id: trial.id },
        data: {
          state: 'DISCONTINUED',
          endedOn: new Date('2026-03-09'),
          discontinuationReason: 'PATIENT_CHOICE',
        },
      });
      await unusable(token, 'TRIAL_ENDED');
    });

    it('an unknown token is NOT_FOUND', async () => {
      const response = await server.graphql(PAGE, { token: 'x'.repeat(43) });
      expect(codeOf(response)).toBe('NOT_FOUND');
    });
  });

  describe('the clinic’s view', () => {
    it('shows adherence: nights taken against nights supplied, and the gaps', async () => {
      const { trial, token } = await aLinkedTrial();
      const phone = await aConfirmedPhone(token);
      await phone.call(SUBMIT, { token, report: aReport('2026-03-08') });
      await phone.call(SUBMIT, { token, report: aReport(TODAY, { dose: { answer: 'NOT_TAKEN' } }) });
      const { trial: read } = await coordinator<{ trial: { adherence: Record<string, unknown> } }>(
        TRIAL_REPORTS,
        {
          id: trial.id,
          asOf: '2026-03-12',
        },
      );
      expect(read.adherence).toMatchObject({
        nightsTaken: 1,
        nightsNotTaken: 1,
        nightsSupplied: 0,
        lastReportedOn: TODAY,
        // Counted from the evening the link was issued (03-10): 03-08 came in late, 03-09 was before.
        gaps: [{ from: '2026-03-11', to: '2026-03-11', evenings: 1 }],
        reports: [
          { evening: TODAY, late: false, doseTaken: 'NOT_TAKEN', doseMg: null },
          { evening: '2026-03-08', late: true, doseTaken: 'TAKEN', doseMg: 1.5 },
        ],
      });
    });

    it('puts "no report for 3 evenings" and side effects to review on the worklist, only for linked trials', async () => {
      const linked = await aLinkedTrial();
      const phone = await aConfirmedPhone(linked.token);
      await phone.call(SUBMIT, {
        token: linked.token,
        report: aReport(TODAY, { sideEffects: [{ kind: 'NAUSEA', severity: 'MODERATE' }] }),
      });
      const unlinkedPatient = await aPatientReadyToStart(
        server.db.prisma,
        cast.clinic.id,
        cast.coordinator.id,
      );
      const unlinked = await aTrialRow(server.db.prisma, unlinkedPatient, cast.clinician.id);
      clock.set('2026-03-14T18:00:00Z');
      coordinator = await asCoordinator();
      const { worklist } = await coordinator<{
        worklist: { code: string; date: string; trial: { id: string } }[];
      }>(OPERATIONS.worklist, {});
      const mine = (id: string) =>
        worklist.filter((item) => item.trial.id === id).map((item) => `${item.code} ${item.date}`);
      expect(mine(linked.trial.id)).toEqual(
        expect.arrayContaining([
          'PATIENT_REPORTS_MISSING 2026-03-11',
          'PATIENT_SIDE_EFFECT_TO_REVIEW 2026-03-10',
        ]),
      );
      expect(mine(unlinked.id).filter((line) => line.startsWith('PATIENT_'))).toEqual([]);
      clock.set('2026-03-13T18:00:00Z');
      coordinator = await asCoordinator();
      const twoEvenings = await coordinator<{ worklist: { code: string; trial: { id: string } }[] }>(
        OPERATIONS.worklist,
        {},
      );
      expect(
        twoEvenings.worklist.some(
          (i) => i.trial.id === linked.trial.id && i.code === 'PATIENT_REPORTS_MISSING',
        ),
      ).toBe(false);
    });
  });
});
