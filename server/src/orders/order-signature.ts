import {
  type Order,
  type OrderLine,
  type OrderSignature,
  type Prisma,
  type SignedPatient,
  signedOrderContentHash,
  type User,
} from '@ldn/db';
import { isValidNpi, ORDER_SIGNATURE_MEANING } from '@ldn/rules';
import type { LoaderSource } from '../access/loaders.ts';
import { badInput } from '../platform/errors.ts';
import type { OrderSignatureType } from './order.types.ts';

type Tx = Prisma.TransactionClient;

const SIGNED_PATIENT = { id: true, mrn: true, givenName: true, familyName: true, dateOfBirth: true } as const;

/**
 * The order's prescriber once signed: the clinician who signs it (a draft a coordinator prepared
 * names the trial's prescriber until then). Only a clinician with a valid NPI prescribes.
 */
export function prescriberOf(signer: User): Pick<Order, 'prescriberId' | 'prescriberName' | 'prescriberNpi'> {
  if (signer.npi === null || !isValidNpi(signer.npi)) {
    throw badInput('prescriberNpi', 'You have no valid NPI on file; an order is signed by its prescriber.');
  }
  return { prescriberId: signer.id, prescriberName: signer.name, prescriberNpi: signer.npi };
}

/**
 * Writes the signature of an order just submitted, inside the submission's transaction: the
 * signer's printed name and NPI, the time, the meaning, and the hash of the content as submitted.
 */
export async function recordSignature(tx: Tx, order: Order, signer: User, signedAt: Date): Promise<void> {
  const lines = await tx.orderLine.findMany({ where: { orderId: order.id } });
  const patient = await tx.patient.findUniqueOrThrow({
    where: { id: order.patientId },
    select: SIGNED_PATIENT,
  });
  await tx.orderSignature.create({
    data: {
      orderId: order.id,
      signerId: signer.id,
      signerName: signer.name,
      signerNpi: signer.npi,
      signedAt,
      meaning: ORDER_SIGNATURE_MEANING,
      contentHash: signedOrderContentHash(order, lines, patient),
    },
  });
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
