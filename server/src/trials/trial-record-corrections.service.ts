import type { Prisma, Trial } from '@ldn/db';
import { assessmentEndedTrial } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { isRecordId } from '../access/ids.ts';
import { audit } from '../audit/audit.ts';
import type { EnteredInErrorColumns } from '../corrections/entered-in-error.type.ts';
import {
  assertCorrectable,
  type CorrectedEntity,
  enteredInErrorColumns,
} from '../corrections/record-correction.ts';
import type { Context } from '../graphql/context.ts';
import { isoDateOf } from '../graphql/scalars.ts';
import { conflict, invalidTransition, notFound } from '../platform/errors.ts';
import { updateTrialAt } from './trial-change.ts';
import { readTrialEvents, trialStatusOf } from './trial-events.ts';
import { lockedTrialNotEnded } from './trial-start.service.ts';

type Tx = Prisma.TransactionClient;

/**
 * The records of a trial a clinician may mark entered in error. The start dose is not one of them:
 * it is the trial itself (a trial started by mistake is marked as a whole, markTrialEnteredInError).
 */
export type TrialRecordKind = Extract<CorrectedEntity, 'DoseChange' | 'AdverseEffect' | 'Assessment'>;

/** A record found through its trial's clinic, with its trial, and whether it is what ended the trial. */
interface FoundRecord {
  record: { id: string; enteredInErrorAt: Date | null };
  trial: Trial;
  endedTrial: boolean;
}

interface RecordKind {
  /** The record among the trials of the clinic (those entered in error too), or null. */
  find(tx: Tx, where: { id: string; trial: Prisma.TrialWhereInput }): Promise<FoundRecord | null>;
  /** Marks it, only if it is still unmarked (style.md: conditional state changes). */
  mark(tx: Tx, id: string, data: EnteredInErrorColumns): Promise<{ count: number }>;
}

const endedOf = (trial: Trial) => ({ endedOn: trial.endedOn === null ? null : isoDateOf(trial.endedOn) });
const unmarked = (id: string) => ({ id, enteredInErrorAt: null });

const KINDS: Record<TrialRecordKind, RecordKind> = {
  DoseChange: {
    find: async (tx, where) => {
      const row = await tx.doseChange.findFirst({ where, include: { trial: true } });
      return row === null ? null : { record: row, trial: row.trial, endedTrial: false };
    },
    mark: (tx, id, data) => tx.doseChange.updateMany({ where: unmarked(id), data }),
  },
  AdverseEffect: {
    find: async (tx, where) => {
      const row = await tx.adverseEffect.findFirst({ where, include: { trial: true } });
      return row === null ? null : { record: row, trial: row.trial, endedTrial: false };
    },
    mark: (tx, id, data) => tx.adverseEffect.updateMany({ where: unmarked(id), data }),
  },
  Assessment: {
    find: async (tx, where) => {
      const row = await tx.assessment.findFirst({ where, include: { trial: true } });
      if (row === null) return null;
      const assessment = { assessedOn: isoDateOf(row.assessedOn), decision: row.decision };
      return {
        record: row,
        trial: row.trial,
        endedTrial: assessmentEndedTrial(endedOf(row.trial), assessment),
      };
    },
    mark: (tx, id, data) => tx.assessment.updateMany({ where: unmarked(id), data }),
  },
};

/**
 * The columns that reopen a trial its voided assessment had ended: the end and the reason that
 * assessment set. Refused while the patient has another trial that has not ended (a patient has
 * at most one), under the lock a start takes, so a start and a reopening cannot race.
 */
async function reopening(tx: Tx, scope: ClinicRepository, trial: Trial) {
  if ((await lockedTrialNotEnded(tx, scope, trial.patientId, trial.id)) !== null) {
    throw invalidTransition(
      'This assessment ended the trial, and the patient has another trial that has not ended: the trial cannot reopen. End or correct the other trial first.',
      'ANOTHER_TRIAL_NOT_ENDED',
    );
  }
  return { endedOn: null, discontinuationReason: null };
}

/**
 * Marks a dose change, an adverse effect or an assessment of a trial entered in error, in the
 * caller's transaction (workflows.md, corrections), and returns the trial's id. The record stays,
 * with who, when and why; the rules stop counting it (trial-events.ts), so the trial's state is
 * derived again from the rest and its version moves on. An assessment that ended the trial reopens
 * it; orders cancelled meanwhile stay cancelled. Refused: a record of another clinic or none
 * (NOT_FOUND), a record or a trial already entered in error (INVALID_TRANSITION, ENTERED_IN_ERROR),
 * a stale `trialVersion` (CONFLICT).
 */
export async function markTrialRecordEnteredInErrorIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  kind: TrialRecordKind,
  recordId: string,
  change: { trialVersion: number; reason: string },
): Promise<string> {
  const found = isRecordId(recordId)
    ? await KINDS[kind].find(tx, { id: recordId, trial: scope.trialRecordWhere })
    : null;
  if (found === null) throw notFound(kind);
  const { record, trial } = found;
  assertCorrectable(record);
  assertCorrectable(trial, change.trialVersion);
  const reopened = found.endedTrial ? await reopening(tx, scope, trial) : null;
  const marked = await KINDS[kind].mark(
    tx,
    record.id,
    enteredInErrorColumns(ctx, scope.viewer.userId, change.reason),
  );
  if (marked.count === 0) throw conflict();
  const after = { ...trial, ...reopened };
  // An ended trial stays ended (what ended it still stands); else the state its records now give.
  const state =
    after.endedOn === null
      ? trialStatusOf(after, await readTrialEvents(tx, trial.id), ctx.clock.today()).state
      : trial.state;
  await updateTrialAt(tx, trial, { ...reopened, state });
  await audit(tx, ctx, 'ENTERED_IN_ERROR', kind, record.id);
  await audit(tx, ctx, reopened === null ? 'RECORD_ENTERED_IN_ERROR' : 'REOPEN', 'Trial', trial.id);
  return trial.id;
}
