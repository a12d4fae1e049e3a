import type { Prisma, SymptomMeasure, SymptomScore } from '@ldn/db';
import { isUniqueViolation } from '@ldn/db';
import { type IsoDate, SYMPTOM_MEASURES, SYMPTOM_SCALES, visitScoreProblems } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { isRecordId } from '../access/ids.ts';
import { type AuditContext, audit, auditEach } from '../audit/audit.ts';
import {
  assertCorrectable,
  type Correction,
  enteredInErrorColumns,
  previousValues,
  recordAmendment,
} from '../corrections/record-correction.ts';
import type { Context } from '../graphql/context.ts';
import { dbDate } from '../graphql/scalars.ts';
import { AppError, badInput, conflict, type FieldProblem, notFound } from '../platform/errors.ts';
import { COUNTED } from './medication-records.ts';

type Tx = Prisma.TransactionClient;

/** One measure's score in a visit. */
export interface MeasureScore {
  measure: SymptomMeasure;
  score: number;
}

/** The field path a refusal names: a visit's score (by index) and field, or the visit (null). */
export type ScoreFieldOf = (index: number | null, field: 'measure' | 'score' | null) => string;

/** The field paths of recordVisitScores' `scores` argument. */
export const visitScoreField: ScoreFieldOf = (index, field) =>
  index === null ? 'scores' : `scores.${index}${field === null ? '' : `.${field}`}`;

/** BAD_USER_INPUT for every refused score at once, with the rules' reason code. */
function refused(problems: FieldProblem[], reason: string): AppError {
  return new AppError('BAD_USER_INPUT', problems.map((p) => p.message).join(' '), {
    field: problems[0]?.field,
    fields: problems,
    reason,
  });
}

/** Refuses the visit unless the rules package accepts its scores (0–10, each measure once, one at least). */
export function assertVisitScores(scores: readonly MeasureScore[], fieldOf: ScoreFieldOf): void {
  const problems = visitScoreProblems(scores);
  const [first] = problems;
  if (first === undefined) return;
  const fields = problems.map((problem) => ({
    field: fieldOf(problem.index, problem.field),
    message: problem.message,
  }));
  throw refused(fields, first.code);
}

const alreadyScored = (measure: SymptomMeasure, scoredOn: IsoDate) =>
  `${SYMPTOM_SCALES[measure].label} was already scored on ${scoredOn}: amend that score, or mark it entered in error and enter it again.`;

/**
 * Records one visit's scores inside the caller's transaction: all of them or none, audited one
 * CREATE row each. A measure with a counted score that day is refused by name (ALREADY_SCORED):
 * a score is corrected by an amendment, which keeps the previous value, never overwritten.
 */
export async function recordVisitScoresIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  visit: { patientId: string; scoredOn: IsoDate; scores: readonly MeasureScore[] },
  fieldOf: ScoreFieldOf,
): Promise<SymptomScore[]> {
  assertVisitScores(visit.scores, fieldOf);
  const patient = await scope.patient(visit.patientId, tx);
  const scoredOn = dbDate(visit.scoredOn);
  // Two visits of one patient and day at once: the second waits here, then sees the first's scores.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`symptom-scores:${patient.id}:${visit.scoredOn}`}))`;
  const taken = await tx.symptomScore.findMany({
    where: {
      patientId: patient.id,
      scoredOn,
      measure: { in: visit.scores.map((s) => s.measure) },
      // The patient's own report of the day is kept beside the clinic's (issue #19, oneScorePerDay).
      source: 'CLINIC',
      ...COUNTED,
    },
    select: { measure: true },
  });
  const takenMeasures = new Set(taken.map((row) => row.measure));
  const clashes = visit.scores.flatMap(({ measure }, index) =>
    takenMeasures.has(measure)
      ? [{ field: fieldOf(index, 'measure'), message: alreadyScored(measure, visit.scoredOn) }]
      : [],
  );
  if (clashes.length > 0) throw refused(clashes, 'ALREADY_SCORED');
  const rows = await saveScoresIn(
    tx,
    ctx,
    visit.scores.map(({ measure, score }) => ({
      patientId: patient.id,
      measure,
      scoredOn,
      score,
      recordedById: scope.viewer.userId,
    })),
  );
  // Pain first, then the secondary measures, as the form and the lists show them.
  return rows.sort((a, b) => SYMPTOM_MEASURES.indexOf(a.measure) - SYMPTOM_MEASURES.indexOf(b.measure));
}

/**
 * Saves scores in the caller's transaction, all of them or none, with one CREATE audit row each:
 * the clinic's visit and the patient's evening report alike.
 */
export async function saveScoresIn(
  tx: Tx,
  auditCtx: AuditContext,
  data: Prisma.SymptomScoreCreateManyInput[],
): Promise<SymptomScore[]> {
  const rows = await tx.symptomScore.createManyAndReturn({ data }).catch((error: unknown) => {
    // The callers' locks keep their own writes apart; a counted score of the same day and source
    // saved meanwhile by a writer that takes no lock (an import) is a CONFLICT, not an internal error.
    if (isUniqueViolation(error))
      throw conflict('A score of this visit was recorded meanwhile; reload and check.');
    throw error;
  });
  const ids = rows.map((row) => row.id);
  await auditEach(tx, auditCtx, 'CREATE', 'SymptomScore', ids);
  return rows;
}

/** A score of a patient of the scope's clinic; any other id is NOT_FOUND. */
export async function symptomScoreIn(scope: ClinicRepository, id: string, tx: Tx): Promise<SymptomScore> {
  const row = isRecordId(id)
    ? await tx.symptomScore.findFirst({ where: { id, patient: scope.patientWhere } })
    : null;
  if (row === null) throw notFound('SymptomScore');
  return row;
}

/** Amends a score in the caller's transaction if still at `version` and counted; the previous score is kept. */
export async function amendSymptomScoreIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  { id, version, reason }: Correction,
  score: number,
): Promise<SymptomScore> {
  const recorded = await symptomScoreIn(scope, id, tx);
  assertCorrectable(recorded, version);
  assertVisitScores([{ measure: recorded.measure, score }], () => 'score');
  if (score === recorded.score) throw badInput('score', 'This is the score already recorded.');
  const data = { score };
  // Moved only from the version read and while still counted: a concurrent correction loses.
  const { count } = await tx.symptomScore.updateMany({
    where: { id: recorded.id, version, enteredInErrorAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict();
  await recordAmendment(
    tx,
    ctx,
    scope.viewer.userId,
    'SymptomScore',
    recorded,
    previousValues(recorded, data),
    reason,
  );
  return tx.symptomScore.findUniqueOrThrow({ where: { id: recorded.id } });
}

/** Marks a score entered in error in the caller's transaction: kept, counted nowhere, its day freed. */
export async function markSymptomScoreEnteredInErrorIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  { id, version, reason }: Correction,
): Promise<SymptomScore> {
  const recorded = await symptomScoreIn(scope, id, tx);
  assertCorrectable(recorded, version);
  const { count } = await tx.symptomScore.updateMany({
    where: { id: recorded.id, version, enteredInErrorAt: null },
    data: { ...enteredInErrorColumns(ctx, scope.viewer.userId, reason), version: { increment: 1 } },
  });
  if (count !== 1) throw conflict();
  await audit(tx, ctx, 'ENTERED_IN_ERROR', 'SymptomScore', recorded.id);
  return tx.symptomScore.findUniqueOrThrow({ where: { id: recorded.id } });
}
