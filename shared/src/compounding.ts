import { RuleInputError } from './errors.ts';
import { quantityOnLabel } from './label.ts';

/**
 * Extra prepared to cover what a batch loses (powder left in the capsule machine, liquid left in
 * the graduate), so the patient still receives the full quantity. 5 % is a common bench default.
 */
export const COMPOUNDING_OVERAGE_FRACTION = 0.05;

/** One line of an order as the worksheet calculates it. */
export interface CompoundingLineInput {
  /** mg per capsule, or mg per mL. */
  strength: number;
  strengthUnit: string;
  /** Capsules, or mL. */
  quantity: number;
  quantityUnit: string;
}

/** What to weigh and make for one line, and the arithmetic shown on the worksheet. */
export interface CompoundingCalculation {
  /** Capsules or mL to make: the quantity with its overage (whole capsules, mL to 0.1). */
  unitsToMake: number;
  /** Naltrexone HCl to weigh, in mg (to 0.01 mg). */
  naltrexoneHclMg: number;
  /** What makes up the rest: filler for capsules, the vehicle for a liquid. */
  filler: string;
  /** The calculation, one step a line, as the pharmacist checks it. */
  steps: string[];
}

const round = (value: number, places: number) => Number(value.toFixed(places));

/**
 * The naltrexone HCl to weigh for one line: the strength per unit times the units made, the
 * units being the quantity plus the overage (capsules rounded up to whole ones).
 */
export function compoundingCalculation(
  line: CompoundingLineInput,
  overageFraction: number = COMPOUNDING_OVERAGE_FRACTION,
): CompoundingCalculation {
  if (!(line.strength > 0) || !(line.quantity > 0) || !(overageFraction >= 0)) {
    throw new RuleInputError(
      'INVALID_ORDER',
      'A strength and quantity above zero, and an overage of zero or more.',
    );
  }
  const capsules = line.quantityUnit === 'capsule';
  // Rounded before the ceiling: 20 × 1.05 is 21.000000000000004 in floating point, not 22 capsules.
  const withOverage = round(line.quantity * (1 + overageFraction), 6);
  const unitsToMake = capsules ? Math.ceil(withOverage) : round(Math.ceil(withOverage * 10) / 10, 1);
  const naltrexoneHclMg = round(line.strength * unitsToMake, 2);
  const percent = round(overageFraction * 100, 2);
  const made = quantityOnLabel(unitsToMake, line.quantityUnit);
  return {
    unitsToMake,
    naltrexoneHclMg,
    filler: capsules ? 'Filler (e.g. microcrystalline cellulose) to fill each capsule' : `Vehicle to ${made}`,
    steps: [
      `${quantityOnLabel(line.quantity, line.quantityUnit)} + ${percent} % overage = ${made}`,
      `${line.strength} ${line.strengthUnit} × ${unitsToMake} = ${naltrexoneHclMg} mg naltrexone HCl`,
    ],
  };
}
