import type { OpioidFreeAttestation } from '@ldn/db';
import { checkNoActiveOpioid } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { Tx } from '../access/repository.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { dbDate } from '../graphql/scalars.ts';
import { ruleViolation } from '../platform/errors.ts';
import { findingOf } from '../platform/finding.type.ts';
import type { attestationData, priorTherapyData } from './history.data.ts';
import type { ConsentInput } from './history.input.ts';
import { type ConsentType, consentOf, type PriorTherapyType, priorTherapyOf } from './history.types.ts';
import { activeMedicationEntries } from './medication-records.ts';

/** Adds a prior therapy of one of the clinic's patients in the caller's transaction, audited. */
export async function recordPriorTherapyIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  patientId: string,
  data: ReturnType<typeof priorTherapyData>,
): Promise<PriorTherapyType> {
  const patient = await scope.patient(patientId, tx);
  const therapy = await tx.priorTherapy.create({
    data: { ...data, patientId: patient.id, recordedById: scope.viewer.userId },
  });
  await audit(tx, ctx, 'CREATE', 'PriorTherapy', therapy.id);
  return priorTherapyOf(therapy);
}

/**
 * Records an attestation of opioid-freedom in the caller's transaction, audited; refused
 * (OPIOID_CONCURRENT_USE) while an active medication is an opioid.
 */
export async function attestOpioidFreeIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  patientId: string,
  data: ReturnType<typeof attestationData>,
): Promise<OpioidFreeAttestation> {
  const patient = await scope.patient(patientId, tx);
  // §3, §11: nobody attests opioid-freedom while the list still holds an active opioid.
  const findings = checkNoActiveOpioid(await activeMedicationEntries(tx, patient.id));
  if (findings.length > 0) throw ruleViolation(findings.map(findingOf));
  const attestation = await tx.opioidFreeAttestation.create({
    data: { ...data, patientId: patient.id, attestedById: scope.viewer.userId },
  });
  await audit(tx, ctx, 'CREATE', 'OpioidFreeAttestation', attestation.id);
  return attestation;
}

/** Records a patient's consent (§7) in the caller's transaction, audited. */
export async function recordConsentIn(
  tx: Tx,
  ctx: Context,
  scope: ClinicRepository,
  patientId: string,
  input: ConsentInput,
): Promise<ConsentType> {
  const patient = await scope.patient(patientId, tx);
  const consent = await tx.consent.create({
    data: {
      patientId: patient.id,
      recordedOn: dbDate(input.recordedOn),
      points: input.points,
      recordedById: scope.viewer.userId,
    },
  });
  await audit(tx, ctx, 'CREATE', 'Consent', consent.id);
  return consentOf(consent);
}
