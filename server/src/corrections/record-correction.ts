import type { Prisma } from '@ldn/db';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import type { TextRule } from '../graphql/input-rules.ts';
import { isoDateOf } from '../graphql/scalars.ts';
import { conflict, invalidTransition } from '../platform/errors.ts';

/**
 * Corrections of clinical records (workflows.md): nothing is deleted. An amendment keeps the
 * previous values and the reason; "entered in error" keeps the record, shown struck through with
 * who, when and why, and takes it out of every rule, worklist and figure. These are the pieces every
 * kind of record shares; each resolver keeps its own record-specific checks.
 */

type Tx = Prisma.TransactionClient;

/** The records a correction names in RecordAmendment.entity and in the audit. */
export type CorrectedEntity =
  | 'Medication'
  | 'PriorTherapy'
  | 'Trial'
  | 'DoseChange'
  | 'AdverseEffect'
  | 'Assessment'
  | 'SymptomScore';

/** The argument description of every correction's reason. */
export const REASON_FIELD = { description: 'Why: kept with the record and shown with it.' };
/** The reason's input rule (the input guard trims it and refuses blank): free text, the column's size. */
export const REASON_TEXT: TextRule = { max: 1000, multiline: true, required: 'Say why.' };

/** Which record a correction is of, at the version the person read, and why it is made. */
export interface Correction {
  id: string;
  version: number;
  reason: string;
}

/**
 * Refuses to correct a record already entered in error, or one changed since the version the
 * user saw (records without a version column pass no version).
 */
export function assertCorrectable(
  record: { enteredInErrorAt: Date | null; version?: number },
  version?: number,
): void {
  if (record.enteredInErrorAt !== null)
    throw invalidTransition(
      'This record was marked entered in error; it can no longer change.',
      'ENTERED_IN_ERROR',
    );
  if (version !== undefined && record.version !== version) throw conflict();
}

/** The columns that mark a record entered in error: by whom, when, why. */
export function enteredInErrorColumns(ctx: Context, userId: string, reason: string) {
  return { enteredInErrorAt: ctx.clock.now(), enteredInErrorById: userId, enteredInErrorReason: reason };
}

/** The fields of `before` that `after` changes, with their previous values (dates as ISO days). */
export function previousValues(before: object, after: object): Prisma.InputJsonObject {
  const previous: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [field, value] of Object.entries(after)) {
    const old = (before as Record<string, unknown>)[field];
    const same = JSON.stringify(old) === JSON.stringify(value);
    if (same || field === 'version') continue;
    previous[field] = old instanceof Date ? isoDateOf(old) : ((old ?? null) as Prisma.InputJsonValue | null);
  }
  return previous;
}

/** Keeps an amendment's previous values and reason, and audits it (one AMEND row). */
export async function recordAmendment(
  tx: Tx,
  ctx: Context,
  userId: string,
  entity: CorrectedEntity,
  record: { id: string; patientId: string },
  previous: Prisma.InputJsonObject,
  reason: string,
): Promise<void> {
  await tx.recordAmendment.create({
    data: {
      entity,
      entityId: record.id,
      patientId: record.patientId,
      previous,
      reason,
      amendedById: userId,
      amendedAt: ctx.clock.now(),
    },
  });
  await audit(tx, ctx, 'AMEND', entity, record.id);
}
