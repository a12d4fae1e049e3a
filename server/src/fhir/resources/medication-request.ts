import type { OrderState } from '@ldn/db';
import type { MedicationRequest } from '@medplum/fhirtypes';
import type { OrderLineWithOrder } from '../fhir-records.ts';
import { OUR_SYSTEM, SYSTEM } from '../systems.ts';
import { amountOf, fhirDate, fhirInstant, present, ref } from './common.ts';
import { compoundedProduct, dosageOf, PRODUCT_ID } from './compounded-ldn.ts';

/** Our order states as R4's medicationrequest-status. */
const STATUS: Record<OrderState, MedicationRequest['status']> = {
  DRAFT: 'draft',
  SUBMITTED: 'active',
  RECEIVED: 'active',
  COMPOUNDING: 'active',
  READY: 'active',
  DISPENSED: 'completed',
  // Refused by the pharmacy, nothing supplied: for the prescriber, the request was called off.
  REJECTED: 'cancelled',
  CANCELLED: 'cancelled',
  ON_HOLD: 'on-hold',
};

/**
 * One line of a compounding order (one strength): the compounded product, its directions as a
 * Dosage, the quantity and days' supply for the pharmacy. The lines of one order share its
 * groupIdentifier; the trial is the reason (Condition) and the plan (CarePlan) it follows.
 */
export function medicationRequestResource(line: OrderLineWithOrder): MedicationRequest {
  const { order } = line;
  return present<MedicationRequest>({
    resourceType: 'MedicationRequest',
    id: line.id,
    contained: [compoundedProduct(line)],
    identifier:
      order.rxNumber === null
        ? []
        : [{ system: OUR_SYSTEM.rxNumber(order.pharmacyId), value: String(order.rxNumber) }],
    status: STATUS[order.state],
    statusReason:
      order.state === 'REJECTED' && order.rejectionReason !== null
        ? { text: order.rejectionReason }
        : undefined,
    intent: 'order',
    medicationReference: { reference: `#${PRODUCT_ID}` },
    subject: ref('Patient', order.patientId),
    authoredOn: fhirInstant(order.submittedAt ?? order.createdAt),
    requester:
      order.prescriberId === null ? undefined : ref('Practitioner', order.prescriberId, order.prescriberName),
    reasonReference: [ref('Condition', order.trialId)],
    basedOn: [ref('CarePlan', order.trialId)],
    groupIdentifier: { system: OUR_SYSTEM.order, value: order.id },
    dosageInstruction: [dosageOf(line)],
    dispenseRequest: present({
      validityPeriod: line.startsOn === null ? undefined : { start: fhirDate(line.startsOn) },
      numberOfRepeatsAllowed: order.refills,
      quantity: amountOf(line.quantity.toNumber(), line.quantityUnit),
      expectedSupplyDuration: { value: line.daysSupply, unit: 'days', system: SYSTEM.ucum, code: 'd' },
      performer: ref('Organization', order.pharmacyId),
    }),
  });
}
