import type { MedicationDispense } from '@medplum/fhirtypes';
import type { OrderLineWithOrder } from '../fhir-records.ts';
import { amountOf, fhirDate, fhirInstant, present, ref } from './common.ts';
import { compoundedProduct, dosageOf, PRODUCT_ID } from './compounded-ldn.ts';

/**
 * A line's preparation as the pharmacy made it (its id the line's): the lot and beyond-use date on
 * the product, prepared when marked ready, handed over when dispensed.
 */
export function medicationDispenseResource(line: OrderLineWithOrder): MedicationDispense {
  const { order } = line;
  const handedOver = order.state === 'DISPENSED' && order.dispensedOn !== null;
  return present<MedicationDispense>({
    resourceType: 'MedicationDispense',
    id: line.id,
    contained: [compoundedProduct(line, { withBatch: true })],
    status: handedOver ? 'completed' : 'in-progress',
    medicationReference: { reference: `#${PRODUCT_ID}` },
    subject: ref('Patient', order.patientId),
    performer: [{ actor: ref('Organization', order.pharmacyId) }],
    authorizingPrescription: [ref('MedicationRequest', line.id)],
    quantity: amountOf(line.quantity.toNumber(), line.quantityUnit),
    daysSupply: { value: line.daysSupply, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
    whenPrepared: order.compoundedAt === null ? undefined : fhirInstant(order.compoundedAt),
    whenHandedOver: handedOver && order.dispensedOn !== null ? fhirDate(order.dispensedOn) : undefined,
    dosageInstruction: [dosageOf(line)],
  });
}
