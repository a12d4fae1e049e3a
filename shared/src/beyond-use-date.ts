import { addDays, daysBetween, type IsoDate } from './dates.ts';
import { RuleInputError } from './errors.ts';
import { finding, isSufficientOverrideReason, type RuleFinding } from './findings.ts';
import type { Formulation } from './orders.ts';
import { type ClinicPolicy, DEFAULT_POLICY } from './policy.ts';

/**
 * USP <795> default beyond-use dates (days after compounding) of a nonsterile preparation without
 * a stability study, by kind of preparation.
 */
export const USP_795_DEFAULT_BUD_DAYS = {
  /** Solid dosage forms (capsules), water activity < 0.6. */
  SOLID: 180,
  /** Non-aqueous liquids (e.g. oil-based drops), water activity < 0.6. */
  NON_AQUEOUS_LIQUID: 90,
  /** Preserved aqueous preparations. */
  PRESERVED_AQUEOUS: 35,
  /** Non-preserved aqueous preparations, kept in a refrigerator. */
  NON_PRESERVED_AQUEOUS_REFRIGERATED: 14,
} as const;
export type BeyondUseDateKind = keyof typeof USP_795_DEFAULT_BUD_DAYS;

/** The vehicle of a liquid, which decides its USP <795> category. */
export type LiquidVehicle = 'NON_AQUEOUS' | 'PRESERVED_AQUEOUS' | 'NON_PRESERVED_AQUEOUS';

/** The USP <795> category of a formulation; a liquid of unknown vehicle takes the shortest (14 days). */
export function beyondUseDateKindOf(formulation: Formulation, vehicle?: LiquidVehicle): BeyondUseDateKind {
  if (formulation === 'CAPSULE') return 'SOLID';
  if (vehicle === 'NON_AQUEOUS') return 'NON_AQUEOUS_LIQUID';
  if (vehicle === 'PRESERVED_AQUEOUS') return 'PRESERVED_AQUEOUS';
  return 'NON_PRESERVED_AQUEOUS_REFRIGERATED';
}

export interface BeyondUseDateInput {
  compoundedOn: IsoDate;
  beyondUseDate: IsoDate;
  kind: BeyondUseDateKind;
  /** Why a later date holds (e.g. a stability study); needed only beyond the default. */
  reason?: string;
}

export interface BeyondUseDateResult {
  defaultBeyondUseDate: IsoDate;
  defaultDays: number;
  exceedsDefault: boolean;
  /** BEYOND_USE_DATE_EXCEEDS_DEFAULT while a later date has no sufficient reason. */
  findings: RuleFinding[];
}

/** A beyond-use date later than the USP <795> default needs a documented reason. */
export function checkBeyondUseDate(
  input: BeyondUseDateInput,
  policy: ClinicPolicy = DEFAULT_POLICY,
): BeyondUseDateResult {
  const defaultDays = USP_795_DEFAULT_BUD_DAYS[input.kind];
  const daysAfterCompounding = daysBetween(input.compoundedOn, input.beyondUseDate);
  if (daysAfterCompounding < 0) {
    throw new RuleInputError('INVALID_ORDER', 'The beyond-use date cannot be before the compounding date.');
  }
  const defaultBeyondUseDate = addDays(input.compoundedOn, defaultDays);
  const exceedsDefault = daysAfterCompounding > defaultDays;
  const findings =
    exceedsDefault && !isSufficientOverrideReason(input.reason, policy.overrideReasonMinimumWords)
      ? [
          finding(
            'BEYOND_USE_DATE_EXCEEDS_DEFAULT',
            `${input.beyondUseDate} is ${daysAfterCompounding} days after compounding; the default is ${defaultDays} (${defaultBeyondUseDate}).`,
          ),
        ]
      : [];
  return { defaultBeyondUseDate, defaultDays, exceedsDefault, findings };
}
