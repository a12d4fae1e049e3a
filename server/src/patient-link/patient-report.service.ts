import type { Prisma, Trial } from '@ldn/db';
import {
  type IsoDate,
  patientReportProblems,
  reportableDoses,
  reportableEvenings,
  reportReplaceable,
  reportTimingOf,
} from '@ldn/rules';
import { addressKey, linkStateMessage, PatientLinkRepository } from '../access/patient-link-repository.ts';
import type { SystemRepository } from '../access/system-repository.ts';
import { audit, auditEach } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { dbDate, isoDateOf } from '../graphql/scalars.ts';
import { COUNTED } from '../patients/medication-records.ts';
import { saveScoresIn } from '../patients/symptom-score.service.ts';
import { AppError, badInputs, tooManyRequests } from '../platform/errors.ts';
import { readTrialEvents, trialStatusOf } from '../trials/trial-events.ts';
import { clinicDateOf } from './patient-adherence.ts';
import type { PatientReportInput, PatientReportPageType } from './patient-link.types.ts';
import { admitReport } from './report-rate-limit.ts';

type Tx = Prisma.TransactionClient;

/** A link locks for good after this many wrong dates of birth since the last right one. */
export const BIRTH_DATE_FAILURES_BEFORE_LOCK = 10;
/** Per link, wrong dates of birth are refused for a while after this many (the throttle's lock). */
const BIRTH_DATE_ATTEMPTS_PER_WINDOW = 5;

/** Why the scores and side effects of a replaced report stop counting. */
const REPLACED_REASON = 'Replaced by the patient’s edited report of the same evening.';

/** The dose plan as of an evening: the current dose and the strengths the patient may report. */
async function dosesAsOf(tx: Tx, trial: Trial, evening: IsoDate) {
  const status = trialStatusOf(trial, await readTrialEvents(tx, trial.id), evening);
  return { currentDoseMg: status.currentDoseMg, doses: reportableDoses(status.timeline) };
}

/** The page with no patient data: the link's state, and whether the date of birth is needed. */
function pageWithoutData(scope: PatientLinkRepository, message: string | null): PatientReportPageType {
  return {
    state: scope.state,
    message,
    needsBirthDate: scope.state === 'ACTIVE' && !scope.deviceKnown,
    firstName: null,
    currentDoseMg: null,
    doseChoices: [],
    eveningsReported: 0,
    evenings: [],
  };
}

/**
 * The patient's page (issue #19): only the first name, tonight's dose and the evenings reported,
 * once this device passed the date-of-birth check; an audited READ of the link.
 */
export async function reportPageOf(
  ctx: Context,
  scope: PatientLinkRepository,
  tx: Tx,
): Promise<PatientReportPageType> {
  if (scope.state !== 'ACTIVE') return pageWithoutData(scope, linkStateMessage(scope.state));
  if (!scope.deviceKnown) return pageWithoutData(scope, null);
  const today = ctx.clock.today();
  const [patient, plan, reports] = await Promise.all([
    tx.patient.findUniqueOrThrow({ where: { id: scope.trial.patientId }, select: { givenName: true } }),
    dosesAsOf(tx, scope.trial, today),
    tx.patientReport.findMany({
      where: { trialId: scope.trial.id, replacedAt: null },
      select: { evening: true },
    }),
  ]);
  const reported = new Set(reports.map((report) => isoDateOf(report.evening)));
  await audit(tx, scope.auditContext(ctx.requestId), 'READ', 'PatientLink', scope.link.id);
  return {
    state: scope.state,
    message: null,
    needsBirthDate: false,
    firstName: patient.givenName,
    currentDoseMg: plan.currentDoseMg,
    doseChoices: plan.doses,
    eveningsReported: reported.size,
    evenings: reportableEvenings(today)
      .filter((evening) => evening >= isoDateOf(scope.trial.startDate))
      .map((evening) => ({ evening, late: evening !== today, reported: reported.has(evening) })),
  };
}

/**
 * The date-of-birth check of a new device. Attempts are counted per link and per address before
 * the date is compared (the sign-in throttle under `dob:`): a link is refused for a while after
 * a few wrong dates, an address slowed, and after BIRTH_DATE_FAILURES_BEFORE_LOCK the link locks
 * until the clinic issues another. The right date remembers the device (cookie) for the link.
 */
export async function confirmBirthDate(
  ctx: Context,
  system: SystemRepository,
  token: string,
  dateOfBirth: IsoDate,
): Promise<PatientLinkRepository> {
  const scope = await PatientLinkRepository.open(ctx, system, token);
  scope.assertActive();
  if (scope.deviceKnown) return scope;
  const throttle = system.throttle(
    ctx.clock,
    { ...ctx.throttle, maxFailures: BIRTH_DATE_ATTEMPTS_PER_WINDOW },
    'dob:',
  );
  const attempt = { account: scope.link.id, address: addressKey(ctx.req.ip ?? 'unknown') };
  if (!(await throttle.admit(attempt)))
    throw tooManyRequests('Too many tries. Wait 15 minutes and try again, or ask your clinic.');
  const auditCtx = scope.auditContext(ctx.requestId);
  if (isoDateOf(await scope.patientBirthDate(system)) !== dateOfBirth) {
    await system.transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ dobFailures: number }[]>`
        UPDATE "PatientLink" SET "dobFailures" = "dobFailures" + 1,
          "lockedAt" = CASE WHEN "dobFailures" + 1 >= ${BIRTH_DATE_FAILURES_BEFORE_LOCK}::int
                            THEN ${ctx.clock.now()}::timestamptz ELSE "lockedAt" END
        WHERE id = ${scope.link.id}::uuid RETURNING "dobFailures"`;
      await audit(tx, auditCtx, 'BIRTH_DATE_REFUSED', 'PatientLink', scope.link.id);
      if ((row?.dobFailures ?? 0) >= BIRTH_DATE_FAILURES_BEFORE_LOCK)
        await audit(tx, auditCtx, 'LOCK', 'PatientLink', scope.link.id);
    });
    throw new AppError('BAD_USER_INPUT', 'That date of birth does not match. Check it and try again.', {
      field: 'dateOfBirth',
      reason: 'BIRTH_DATE_MISMATCH',
    });
  }
  await throttle.recordSuccess(attempt);
  return system.transaction(async (tx) => {
    await tx.patientLink.update({ where: { id: scope.link.id }, data: { dobFailures: 0 } });
    await audit(tx, auditCtx, 'DEVICE_CONFIRMED', 'PatientLink', scope.link.id);
    return scope.rememberDevice(tx, ctx.res, ctx.config.production, ctx.clock.now());
  });
}

/**
 * Records one evening's report in one transaction: the link must be active and the device known;
 * the rules package checks it (the late-entry rule, 0–10 scores, a strength of the plan, §6 side
 * effects), after the link's and the address's rate limits (`admitReport`). An earlier report of
 * the same evening is replaced: kept with `replacedAt`, its scores
 * and side effects marked entered in error. Scores become SymptomScores with source PATIENT; side
 * effects, adverse effects with source PATIENT waiting for the clinic's review. Audited with the
 * link's id (PATIENT_REPORT) and a row per record made.
 */
export async function recordPatientReport(
  ctx: Context,
  system: SystemRepository,
  token: string,
  report: PatientReportInput,
): Promise<PatientReportPageType> {
  // Counted outside the transaction, so a refused or malformed report counts all the same.
  const sender = await PatientLinkRepository.open(ctx, system, token);
  sender.assertDevice();
  await admitReport(ctx, system, sender);
  return system.transaction(async (tx) => {
    const scope = await PatientLinkRepository.open(ctx, system, token, tx);
    scope.assertDevice();
    const { trial, link } = scope;
    const today = ctx.clock.today();
    const { doses } = await dosesAsOf(tx, trial, report.evening);
    const problems = patientReportProblems(report, { today, doses, startDate: isoDateOf(trial.startDate) });
    if (problems.length > 0) throw badInputs(problems.map(({ field, message }) => ({ field, message })));
    // Two sends of one evening at once: the second waits here, then replaces the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`patient-report:${trial.id}:${report.evening}`}))`;
    const auditCtx = scope.auditContext(ctx.requestId);
    const now = ctx.clock.now();
    await replaceEarlier(tx, auditCtx, trial.id, report.evening, now, (sent) =>
      reportReplaceable(clinicDateOf(sent, ctx.config.timeZone), today),
    );
    const taken = report.dose.answer === 'TAKEN';
    const created = await tx.patientReport.create({
      data: {
        linkId: link.id,
        trialId: trial.id,
        evening: dbDate(report.evening),
        late: reportTimingOf(report.evening, today) === 'LATE',
        doseTaken: report.dose.answer,
        doseMg: taken ? (report.dose.doseMg ?? null) : null,
        submittedAt: now,
      },
    });
    await saveScoresIn(
      tx,
      auditCtx,
      report.scores.map(({ measure, score }) => ({
        patientId: trial.patientId,
        measure,
        score,
        scoredOn: dbDate(report.evening),
        recordedById: null,
        source: 'PATIENT' as const,
        patientReportId: created.id,
      })),
    );
    const effects = await tx.adverseEffect.createManyAndReturn({
      data: report.sideEffects.map(({ kind, severity, description }) => ({
        trialId: trial.id,
        kind,
        severity,
        description: description?.trim() || null,
        onsetOn: dbDate(report.evening),
        action: 'NONE' as const,
        recordedById: null,
        source: 'PATIENT' as const,
        patientReportId: created.id,
      })),
    });
    await audit(tx, auditCtx, 'PATIENT_REPORT', 'PatientLink', link.id);
    await audit(tx, auditCtx, 'CREATE', 'PatientReport', created.id);
    await auditEach(
      tx,
      auditCtx,
      'CREATE',
      'AdverseEffect',
      effects.map((row) => row.id),
    );
    return reportPageOf(ctx, scope, tx);
  });
}

/** Replaces the evening's current report, if any: it and its records stay, no longer counted. */
async function replaceEarlier(
  tx: Tx,
  auditCtx: ReturnType<PatientLinkRepository['auditContext']>,
  trialId: string,
  evening: IsoDate,
  now: Date,
  replaceable: (firstSent: Date) => boolean,
): Promise<void> {
  const earlier = await tx.patientReport.findFirst({
    where: { trialId, evening: dbDate(evening), replacedAt: null },
  });
  if (earlier === null) return;
  if (!replaceable(earlier.submittedAt))
    throw badInputs([
      {
        field: 'evening',
        message:
          'This evening was already reported on an earlier day; your clinic has it. Call them to change it.',
      },
    ]);
  await tx.patientReport.update({ where: { id: earlier.id }, data: { replacedAt: now } });
  const voided = { enteredInErrorAt: now, enteredInErrorById: null, enteredInErrorReason: REPLACED_REASON };
  const where = { patientReportId: earlier.id, ...COUNTED };
  const [scores, effects] = await Promise.all([
    tx.symptomScore.findMany({ where, select: { id: true } }),
    tx.adverseEffect.findMany({ where, select: { id: true } }),
  ]);
  await tx.symptomScore.updateMany({ where, data: { ...voided, version: { increment: 1 } } });
  await tx.adverseEffect.updateMany({ where, data: voided });
  await audit(tx, auditCtx, 'REPLACE', 'PatientReport', earlier.id);
  await auditEach(
    tx,
    auditCtx,
    'ENTERED_IN_ERROR',
    'SymptomScore',
    scores.map((row) => row.id),
  );
  await auditEach(
    tx,
    auditCtx,
    'ENTERED_IN_ERROR',
    'AdverseEffect',
    effects.map((row) => row.id),
  );
}
