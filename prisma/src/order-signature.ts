import { createHash } from 'node:crypto';
import type { Order, OrderLine, Patient } from '../generated/client/client.ts';

// What a prescriber's signature covers (21 CFR 11.70, signature/record linking): the order as the
// pharmacy fills it. The API signs with it and the demo seed writes its signatures with it, so one
// definition serves both; a later change to any of it no longer matches the stored hash.

/** The patient as the order identifies them. */
export type SignedPatient = Pick<Patient, 'id' | 'mrn' | 'givenName' | 'familyName' | 'dateOfBirth'>;

const day = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));
// Decimals as PostgreSQL gives them back, so the same row always reads the same.
const decimal = (value: { toString(): string } | null) => (value === null ? null : value.toString());

/**
 * The signed content as one JSON text, its keys in a fixed order: patient, prescriber, pharmacy,
 * preparation, payment, delivery and every line with its directions.
 */
export function signedOrderContent(
  order: Order,
  lines: readonly OrderLine[],
  patient: SignedPatient,
): string {
  return JSON.stringify({
    order: order.id,
    trial: order.trialId,
    clinic: order.clinicId,
    pharmacy: order.pharmacyId,
    patient: {
      id: patient.id,
      mrn: patient.mrn,
      givenName: patient.givenName,
      familyName: patient.familyName,
      dateOfBirth: day(patient.dateOfBirth),
    },
    prescriber: { id: order.prescriberId, name: order.prescriberName, npi: order.prescriberNpi },
    kind: order.kind,
    formulation: order.formulation,
    liquidStrengthMgPerMl: decimal(order.liquidStrengthMgPerMl),
    vehicle: order.vehicle,
    refills: order.refills,
    excipientNotes: order.excipientNotes,
    allergies: order.allergies,
    payment: order.payment,
    insuranceNote: order.insuranceNote,
    delivery: order.delivery,
    shipTo: [order.shipToLine1, order.shipToLine2, order.shipToCity, order.shipToRegion, order.shipToPostal],
    lines: [...lines]
      .sort((a, b) => a.sequence - b.sequence)
      .map((line) => ({
        sequence: line.sequence,
        nightlyDoseMg: decimal(line.nightlyDoseMg),
        strength: decimal(line.strength),
        strengthUnit: line.strengthUnit,
        quantity: decimal(line.quantity),
        quantityUnit: line.quantityUnit,
        amountPerNight: decimal(line.amountPerNight),
        daysSupply: line.daysSupply,
        startsOn: day(line.startsOn),
        directions: line.directions,
      })),
  });
}

/** SHA-256 (hex) of the signed content: stored with the signature, compared to detect a change. */
export function signedOrderContentHash(
  order: Order,
  lines: readonly OrderLine[],
  patient: SignedPatient,
): string {
  return createHash('sha256')
    .update(signedOrderContent(order, lines, patient))
    .digest('hex');
}
