import type { AdverseEffect, PatientLink, Prisma, Trial } from '@ldn/db';
import { isUniqueViolation } from '@ldn/db';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { LoaderSource } from '../access/loaders.ts';
import { linkStateOf, newLinkToken, patientLinkPath } from '../access/patient-link-repository.ts';
import { audit, auditEach } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { userNameOf } from '../graphql/user-names.ts';
import { conflict, invalidTransition } from '../platform/errors.ts';
import { openTrial } from '../trials/trial-change.ts';
import type { IssuedPatientLinkType, PatientLinkType } from './patient-link.types.ts';

type Tx = Prisma.TransactionClient;

/**
 * How long a link works at most. It stops at once when the trial ends (or is voided), so this
 * only bounds a trial that goes on: the clinic issues a new one, which the patient scans again.
 */
export const PATIENT_LINK_DAYS = 180;

/** A link row as the clinic sees it. */
export async function patientLinkOf(
  ctx: Pick<Context, 'clock'>,
  names: LoaderSource,
  link: PatientLink,
  trial: Trial,
): Promise<PatientLinkType> {
  return {
    id: link.id,
    state: linkStateOf(link, trial, ctx.clock.now()),
    createdAt: link.createdAt,
    createdByName: await userNameOf(names, link.createdById),
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    lockedAt: link.lockedAt,
  };
}

/** Revokes the trial's live link, if any (one statement); returns the ids revoked. */
async function revokeLive(tx: Tx, ctx: Context, trialId: string, userId: string): Promise<string[]> {
  const live = await tx.patientLink.findMany({ where: { trialId, revokedAt: null }, select: { id: true } });
  if (live.length === 0) return [];
  await tx.patientLink.updateMany({
    where: { id: { in: live.map((link) => link.id) }, revokedAt: null },
    data: { revokedAt: ctx.clock.now(), revokedById: userId },
  });
  const ids = live.map((link) => link.id);
  await auditEach(tx, ctx, 'REVOKE', 'PatientLink', ids);
  return ids;
}

/**
 * Issues the trial's patient link (issue #19): a new random token, only its hash stored, returned
 * this once as the portal path. A live link of the trial is revoked in the same transaction, so
 * the one handed over last is the only one that works. Refused for a trial that ended or was voided.
 */
export async function issuePatientLinkIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
): Promise<IssuedPatientLinkType> {
  const trial = await openTrial(scope, tx, trialId);
  await revokeLive(tx, ctx, trial.id, scope.viewer.userId);
  const { token, tokenHash } = newLinkToken();
  const now = ctx.clock.now();
  let link: PatientLink;
  try {
    link = await tx.patientLink.create({
      data: {
        trialId: trial.id,
        tokenHash,
        createdById: scope.viewer.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + PATIENT_LINK_DAYS * 86_400_000),
      },
    });
  } catch (error) {
    // Two clinic users issuing at once: one live link per trial (PatientLink_live_key).
    if (isUniqueViolation(error)) throw conflict('A link was issued for this trial meanwhile; reload.');
    throw error;
  }
  await audit(tx, ctx, 'ISSUE', 'PatientLink', link.id);
  return { link: await patientLinkOf(ctx, scope, link, trial), path: patientLinkPath(token) };
}

/** Revokes the trial's live link: the patient's page then says so and takes nothing. */
export async function revokePatientLinkIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  trialId: string,
): Promise<PatientLinkType> {
  const trial = await scope.trial(trialId, tx);
  const [revoked] = await revokeLive(tx, ctx, trial.id, scope.viewer.userId);
  if (revoked === undefined) throw invalidTransition('This trial has no link to revoke.', 'NO_LIVE_LINK');
  return patientLinkOf(ctx, scope, await tx.patientLink.findUniqueOrThrow({ where: { id: revoked } }), trial);
}

/**
 * Marks a side effect the patient reported as reviewed, in the caller's transaction, audited; one
 * the clinic recorded, one already reviewed or one entered in error is refused.
 */
export async function reviewPatientAdverseEffectIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  adverseEffectId: string,
): Promise<AdverseEffect> {
  const effect = await scope.adverseEffect(adverseEffectId, tx);
  const { count } = await tx.adverseEffect.updateMany({
    where: { id: effect.id, source: 'PATIENT', reviewedAt: null, enteredInErrorAt: null },
    data: { reviewedAt: ctx.clock.now(), reviewedById: scope.viewer.userId },
  });
  if (count !== 1)
    throw invalidTransition(
      'Only a side effect the patient reported, not yet reviewed, is reviewed.',
      'REVIEWED',
    );
  await audit(tx, ctx, 'REVIEW', 'AdverseEffect', effect.id);
  return tx.adverseEffect.findUniqueOrThrow({ where: { id: effect.id } });
}
