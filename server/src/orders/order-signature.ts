import { randomUUID } from 'node:crypto';
import {
  type Order,
  type OrderLine,
  type OrderSignature,
  type SignedPatient,
  signedOrderContentHash,
  type User,
} from '@ldn/db';
import { isValidNpi, ORDER_SIGNATURE_MEANING } from '@ldn/rules';
import type { LoaderSource } from '../access/loaders.ts';
import { badInput } from '../platform/errors.ts';
import type { OrderSignatureType } from './order.types.ts';

const SIGNED_PATIENT = { id: true, mrn: true, givenName: true, familyName: true, dateOfBirth: true } as const;

/** Who an order names as its prescriber: the clinician who signs it, once signed. */
export type Prescriber = Pick<Order, 'prescriberId' | 'prescriberName' | 'prescriberNpi'>;

/**
 * The order's prescriber once signed: the clinician who signs it (a draft a coordinator prepared
 * names the trial's prescriber until then). Only a clinician with a valid NPI prescribes.
 */
export function prescriberOf(signer: User): Prescriber {
  if (signer.npi === null || !isValidNpi(signer.npi)) {
    throw badInput('prescriberNpi', 'You have no valid NPI on file; an order is signed by its prescriber.');
  }
  return { prescriberId: signer.id, prescriberName: signer.name, prescriberNpi: signer.npi };
}

/**
 * The signature `signer` gives `order` at `signedAt`, to be written with its submission: the
 * signer's printed name and NPI, the meaning, and the hash of the content as submitted — the
 * order with the signer as its prescriber, its `lines` and its `patient`.
 */
export function signatureBy(
  signer: User,
  order: Order,
  lines: readonly OrderLine[],
  patient: SignedPatient,
  signedAt: Date,
): OrderSignature {
  return {
    id: randomUUID(),
    orderId: order.id,
    // The database copies it from the order too (row-level security's cheap check).
    clinicId: order.clinicId,
    signerId: signer.id,
    signerName: signer.name,
    signerNpi: signer.npi,
    signedAt,
    meaning: ORDER_SIGNATURE_MEANING,
    contentHash: signedOrderContentHash({ ...order, ...prescriberOf(signer) }, lines, patient),
  };
}

export const signaturesOf = (ctx: LoaderSource) =>
  ctx.loaders.one<OrderSignature>(
    'order.signature',
    (prisma, ids) => prisma.orderSignature.findMany({ where: { orderId: { in: ids } } }),
    (signature) => signature.orderId,
  );

// The keys are patients of orders already reached through a scope; only what the signature covers.
export const signedPatientsOf = (ctx: LoaderSource) =>
  ctx.loaders.one<SignedPatient>(
    'order.signedPatient',
    (prisma, ids) => prisma.patient.findMany({ where: { id: { in: ids } }, select: SIGNED_PATIENT }),
    (patient) => patient.id,
  );

/** An order's signature as both sides see it, checked against the order as it reads now; null before. */
export async function signatureOf(
  ctx: LoaderSource,
  order: Order,
  lines: readonly OrderLine[],
): Promise<OrderSignatureType | null> {
  const signature = await signaturesOf(ctx).load(order.id);
  if (signature === null) return null;
  const patient = await signedPatientsOf(ctx).load(order.patientId);
  return {
    signerName: signature.signerName,
    signerNpi: signature.signerNpi,
    signedAt: signature.signedAt,
    meaning: signature.meaning,
    matchesOrder: patient !== null && signedOrderContentHash(order, lines, patient) === signature.contentHash,
  };
}
