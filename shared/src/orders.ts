import { addDays, assertIsoDate, daysBetween, type IsoDate } from './dates.ts';
import { checkDose, formatMg } from './dose.ts';
import { RuleInputError } from './errors.ts';
import { decimalFraction, type Fraction, fraction, fractionToNumber } from './exact.ts';
import type { RuleFinding } from './findings.ts';
import { planTitration, type TitrationInput } from './titration.ts';

/** workflows.md: the compounded formulations of naltrexone HCl a clinic can order. */
export const FORMULATIONS = {
  CAPSULE: { label: 'Capsule', quantityUnit: 'capsule', strengthUnit: 'mg' },
  ORAL_SOLUTION: { label: 'Oral solution', quantityUnit: 'mL', strengthUnit: 'mg/mL' },
  SUBLINGUAL_DROPS: { label: 'Sublingual drops', quantityUnit: 'mL', strengthUnit: 'mg/mL' },
} as const;
export type Formulation = keyof typeof FORMULATIONS;

/** A common compounded LDN liquid strength; the default when none is given. */
export const DEFAULT_LIQUID_STRENGTH_MG_PER_ML = 1;
/** Days' supply of the target-dose line of a titration pack, unless said otherwise. */
export const DEFAULT_TARGET_DAYS_SUPPLY = 30;

/** One line of a compounding order: one strength, enough for `daysSupply` nights. */
export interface OrderLine {
  formulation: Formulation;
  /** The nightly dose this line gives. */
  doseMg: number;
  /** mg per capsule, or mg per mL of a liquid. */
  strength: { value: number; unit: 'mg' | 'mg/mL' };
  /** Capsules, or mL. */
  quantity: number;
  quantityUnit: 'capsule' | 'mL';
  /** Capsules or mL per night. */
  amountPerNight: number;
  daysSupply: number;
  /** The first night of this line, when it follows a trial's schedule. */
  startsOn: IsoDate | null;
  directions: string;
}

export interface OrderDraft {
  kind: 'TITRATION_PACK' | 'SINGLE_STRENGTH';
  formulation: Formulation;
  lines: OrderLine[];
  totalDaysSupply: number;
  /** checkDose of every line; any hard stop refuses the order. */
  findings: RuleFinding[];
}

interface LineOptions {
  formulation: Formulation;
  /** mg/mL for liquids (default 1 mg/mL); ignored for capsules, whose strength is the dose. */
  liquidStrengthMgPerMl?: number;
}

function assertWholeDays(days: number): void {
  if (!Number.isInteger(days) || days <= 0) {
    throw new RuleInputError(
      'INVALID_ORDER',
      `Days' supply must be a whole number of days (got ${String(days)}).`,
    );
  }
}

/** mL per night, exact to 0.01 mL, or INVALID_ORDER when the strength gives an unmeasurable volume. */
function millilitresPerNight(doseMg: number, strengthMgPerMl: number): Fraction {
  const dose = decimalFraction(doseMg);
  const strength = decimalFraction(strengthMgPerMl);
  if (dose === null || strength === null || strength.numerator <= 0n) {
    throw new RuleInputError('INVALID_ORDER', 'A liquid needs a positive strength in mg/mL.');
  }
  const volume = fraction(dose.numerator * strength.denominator, dose.denominator * strength.numerator);
  if ((100n * volume.numerator) % volume.denominator !== 0n) {
    throw new RuleInputError(
      'INVALID_ORDER',
      `${doseMg} mg at ${strengthMgPerMl} mg/mL is not a measurable volume; choose another strength.`,
    );
  }
  return volume;
}

/** One order line for `nights` nights of a nightly dose. */
function orderLine(
  doseMg: number,
  daysSupply: number,
  startsOn: IsoDate | null,
  options: LineOptions,
  suffix = '',
): OrderLine {
  assertWholeDays(daysSupply);
  const dose = formatMg(doseMg);
  if (options.formulation === 'CAPSULE') {
    return {
      formulation: 'CAPSULE',
      doseMg,
      strength: { value: doseMg, unit: 'mg' },
      quantity: daysSupply,
      quantityUnit: 'capsule',
      amountPerNight: 1,
      daysSupply,
      startsOn,
      directions: `Take one ${dose} mg capsule by mouth at bedtime${suffix}`,
    };
  }
  const strengthMgPerMl = options.liquidStrengthMgPerMl ?? DEFAULT_LIQUID_STRENGTH_MG_PER_ML;
  const volume = millilitresPerNight(doseMg, strengthMgPerMl);
  const perNight = fractionToNumber(volume);
  const quantity = fractionToNumber(fraction(volume.numerator * BigInt(daysSupply), volume.denominator));
  const action =
    options.formulation === 'ORAL_SOLUTION'
      ? `Take ${perNight} mL (${dose} mg) by mouth`
      : `Place ${perNight} mL (${dose} mg) under the tongue`;
  return {
    formulation: options.formulation,
    doseMg,
    strength: { value: strengthMgPerMl, unit: 'mg/mL' },
    quantity,
    quantityUnit: 'mL',
    amountPerNight: perNight,
    daysSupply,
    startsOn,
    directions: `${action} at bedtime${suffix}`,
  };
}

/** The dose findings of every line of an order (§4: an order's doses obey the dose rules). */
export function checkOrderLines(lines: readonly Pick<OrderLine, 'doseMg'>[]): RuleFinding[] {
  return lines.flatMap((line) => checkDose(line.doseMg));
}

/** A single-strength order: one line of `doseMg` nightly for `daysSupply` nights. */
export function singleStrengthOrder(
  input: LineOptions & { doseMg: number; daysSupply: number; startsOn?: IsoDate },
): OrderDraft {
  const findings = checkDose(input.doseMg);
  const lines =
    findings.length > 0 ? [] : [orderLine(input.doseMg, input.daysSupply, input.startsOn ?? null, input)];
  return {
    kind: 'SINGLE_STRENGTH',
    formulation: input.formulation,
    lines,
    totalDaysSupply: input.daysSupply,
    findings,
  };
}

/**
 * A titration pack following the trial's schedule (planTitration): one line per dose step from
 * `fromDate` (default: the start), each for the nights until the next step, then the target
 * dose for `targetDaysSupply` nights. Default: 14 nights 1.5 mg, 14 nights 3.0 mg, then 4.5 mg.
 */
export function titrationPackOrder(
  input: LineOptions & { schedule: TitrationInput; fromDate?: IsoDate; targetDaysSupply?: number },
): OrderDraft {
  const plan = planTitration(input.schedule);
  const fromDate = assertIsoDate(input.fromDate ?? input.schedule.startDate);
  const targetDaysSupply = input.targetDaysSupply ?? DEFAULT_TARGET_DAYS_SUPPLY;
  const lines: OrderLine[] = [];
  plan.steps.forEach((step, index) => {
    const next = plan.steps[index + 1];
    if (next !== undefined && daysBetween(fromDate, next.from) <= 0) return; // over before the order starts
    const startsOn = daysBetween(step.from, fromDate) > 0 ? fromDate : step.from;
    if (next === undefined) {
      lines.push(orderLine(step.doseMg, targetDaysSupply, startsOn, input));
      return;
    }
    const nights = daysBetween(startsOn, next.from);
    lines.push(orderLine(step.doseMg, nights, startsOn, input, ` for ${nights} nights`));
  });
  const totalDaysSupply = lines.reduce((sum, line) => sum + line.daysSupply, 0);
  return {
    kind: 'TITRATION_PACK',
    formulation: input.formulation,
    lines,
    totalDaysSupply,
    findings: checkOrderLines(lines),
  };
}

/** workflows.md: a refill is flagged this many days before the supply runs out. */
export const REFILL_REMINDER_DAYS = 7;

/**
 * True when a dispensed supply runs out within REFILL_REMINDER_DAYS of `asOf` (or already has):
 * days' supply counted from the dispensed date.
 */
export function refillDue(dispensedOn: IsoDate, daysSupply: number, asOf: IsoDate): boolean {
  return daysBetween(asOf, supplyRunsOutOn(dispensedOn, daysSupply)) <= REFILL_REMINDER_DAYS;
}

/** The last night an order's supply covers, counting from its first night. */
export function supplyRunsOutOn(firstNight: IsoDate, daysSupply: number): IsoDate {
  assertWholeDays(daysSupply);
  return addDays(firstNight, daysSupply - 1);
}
