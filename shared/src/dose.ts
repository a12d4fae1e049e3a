import { daysBetween, type IsoDate } from './dates.ts';
import { RuleInputError } from './errors.ts';
import {
  compareFractions,
  decimalFraction,
  fraction,
  isWhole,
  multiplyFractions,
  subtractFractions,
} from './exact.ts';
import { finding, type RuleFinding } from './findings.ts';

/** [1]: start 1.5 mg at bedtime. */
export const START_DOSE_MG = 1.5;
/** [1]: increase by 1.5 mg … */
export const TITRATION_STEP_MG = 1.5;
/** [1]: … every 2 weeks. */
export const TITRATION_INTERVAL_DAYS = 14;
/** [1][5]: 4.5 mg at bedtime is the target and the maximum. */
export const MAXIMUM_DOSE_MG = 4.5;
/** Product rule: doses are whole multiples of 0.5 mg (what pharmacies compound). */
export const DOSE_INCREMENT_MG = 0.5;
/** [2]: standard-dose naltrexone for opioid/alcohol dependence, a dangerous confusion with LDN. */
export const STANDARD_DOSE_NALTREXONE_MG = { from: 50, to: 100 } as const;

const MAXIMUM = fraction(45n, 10n);
const STEP = fraction(15n, 10n);
const TWO = fraction(2n, 1n);

/** A dose with its date: the dose taken nightly from that date on. */
export interface DatedDose {
  date: IsoDate;
  doseMg: number;
}

/** §4: DOSE_ABOVE_MAXIMUM and DOSE_INVALID for one nightly dose; every finding that applies (§10). */
export function checkDose(doseMg: number): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const dose = typeof doseMg === 'number' ? decimalFraction(doseMg) : null;
  const aboveMaximum = dose === null ? doseMg > MAXIMUM_DOSE_MG : compareFractions(dose, MAXIMUM) > 0;
  if (aboveMaximum) findings.push(finding('DOSE_ABOVE_MAXIMUM', aboveMaximumDetails(doseMg)));
  const multipleOfHalf = dose !== null && isWhole(multiplyFractions(dose, TWO));
  if (dose === null || dose.numerator <= 0n || !multipleOfHalf) {
    findings.push(finding('DOSE_INVALID', `${String(doseMg)} mg is not a positive multiple of 0.5 mg.`));
  }
  return findings;
}

function aboveMaximumDetails(doseMg: number): string {
  if (doseMg >= STANDARD_DOSE_NALTREXONE_MG.from) {
    return `${doseMg} mg is a standard naltrexone dose (50–100 mg, for opioid or alcohol dependence), not LDN.`;
  }
  // 45 mg for 4.5 mg, 15 mg for 1.5 mg: a decimal point slipped by one place.
  if (doseMg >= 10 && doseMg <= 10 * MAXIMUM_DOSE_MG) {
    return `${doseMg} mg looks like a misplaced decimal point (${formatMg(doseMg / 10)} mg?).`;
  }
  return `${doseMg} mg was prescribed; the maximum is ${MAXIMUM_DOSE_MG} mg.`;
}

/** True when the dose passes checkDose. */
export function isValidDose(doseMg: number): boolean {
  return checkDose(doseMg).length === 0;
}

/** Throws INVALID_DOSE (with the findings in the message) unless the dose passes checkDose. */
export function assertValidDose(doseMg: number, what: string): void {
  const findings = checkDose(doseMg);
  if (findings.length > 0) {
    throw new RuleInputError('INVALID_DOSE', `${what}: ${findings.map((f) => f.message).join(' ')}`);
  }
}

/**
 * §4 and §9: TITRATION_TOO_FAST for an increase above 1.5 mg or sooner than 14 days after the
 * previous change, then checkDose(next). A decrease or an unchanged dose is never too fast.
 * Throws INVALID_DOSE_HISTORY when `next` is dated before `previous`.
 */
export function checkDoseChange(previous: DatedDose, next: DatedDose): RuleFinding[] {
  const daysSincePrevious = daysBetween(previous.date, next.date);
  if (daysSincePrevious < 0) {
    throw new RuleInputError(
      'INVALID_DOSE_HISTORY',
      `The new dose (${next.date}) is dated before the previous one (${previous.date}).`,
    );
  }
  const findings: RuleFinding[] = [];
  const before = decimalFraction(previous.doseMg);
  const after = decimalFraction(next.doseMg);
  if (before !== null && after !== null && compareFractions(after, before) > 0) {
    const reasons: string[] = [];
    // [1]: increase by 1.5 mg …
    if (compareFractions(subtractFractions(after, before), STEP) > 0) {
      reasons.push(
        `an increase of ${formatMg(next.doseMg - previous.doseMg)} mg (at most ${TITRATION_STEP_MG} mg)`,
      );
    }
    // [1]: … every 2 weeks.
    if (daysSincePrevious < TITRATION_INTERVAL_DAYS) {
      reasons.push(
        `${daysSincePrevious} day(s) after the previous change (at least ${TITRATION_INTERVAL_DAYS})`,
      );
    }
    if (reasons.length > 0) {
      findings.push(
        finding(
          'TITRATION_TOO_FAST',
          `${formatMg(previous.doseMg)} → ${formatMg(next.doseMg)} mg: ${reasons.join('; ')}.`,
        ),
      );
    }
  }
  return [...findings, ...checkDose(next.doseMg)];
}

/** A dose for people: one decimal for whole and half milligrams ("3.0 mg" style numbers). */
export function formatMg(doseMg: number): string {
  const rounded = Math.round(doseMg * 1000) / 1000;
  return Number.isInteger(rounded * 2) ? rounded.toFixed(1) : String(rounded);
}
