import { FORMULATIONS, formatMg } from '@ldn/rules';
import type { Dosage, Medication } from '@medplum/fhirtypes';
import type { OrderLineWithOrder } from '../fhir-records.ts';
import { naltrexoneConcept } from './care-plan.ts';
import { amountOf, mg, present } from './common.ts';

/** The id of the compounded product inside the resource that describes it. */
export const PRODUCT_ID = 'compounded-ldn';

/**
 * An order line's compounded product: naltrexone (RxNorm ingredient), its strength per capsule or
 * per mL, the form, and — once the pharmacy made it — its lot and beyond-use date.
 */
export function compoundedProduct(line: OrderLineWithOrder, { withBatch = false } = {}): Medication {
  const form = FORMULATIONS[line.order.formulation];
  const strength = line.strength.toNumber();
  const perUnit = line.strengthUnit === 'mg/mL' ? amountOf(1, 'mL') : { value: 1, unit: 'capsule' };
  return present<Medication>({
    resourceType: 'Medication',
    id: PRODUCT_ID,
    code: {
      text: `Naltrexone ${formatMg(strength)} ${line.strengthUnit} ${form.label.toLowerCase()} (compounded)`,
    },
    form: { text: form.label },
    ingredient: [
      {
        itemCodeableConcept: naltrexoneConcept(),
        isActive: true,
        strength: { numerator: mg(strength), denominator: perUnit },
      },
    ],
    batch:
      withBatch && line.lotNumber !== null
        ? present({
            lotNumber: line.lotNumber,
            expirationDate:
              line.beyondUseDate === null ? undefined : line.beyondUseDate.toISOString().slice(0, 10),
          })
        : undefined,
  });
}

/** The line's directions as a FHIR Dosage: the text, nightly at bedtime, the amount a night. */
export function dosageOf(line: OrderLineWithOrder): Dosage {
  return {
    sequence: 1,
    text: line.directions,
    timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] } },
    doseAndRate: [{ doseQuantity: amountOf(line.amountPerNight.toNumber(), line.quantityUnit) }],
  };
}
