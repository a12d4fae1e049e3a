import { RuleInputError } from './errors.ts';

/**
 * The values clinical-rules.md calls "clinic policy": not from the evidence, configurable per
 * clinic, and named in every result that used them so the portal can say so.
 */
export interface ClinicPolicy {
  /** Shown with results, e.g. "Default (clinical-rules.md)" or the clinic's own name. */
  name: string;
  /** §3: days from the last opioid dose to the LDN start. */
  opioidWashoutDays: {
    /** Any opioid not named below. */
    standard: number;
    /** Any product containing methadone (long half-life). */
    methadone: number;
    /** Any product containing buprenorphine (long half-life, partial agonist). */
    buprenorphine: number;
  };
  /** §5: inclusive lower bounds, in % pain reduction from baseline (after IMMPACT). */
  responseThresholdsPercent: {
    substantial: number;
    meaningful: number;
    minimal: number;
  };
  /** Preamble: a soft-stop override needs a reason of "at least a few words". */
  overrideReasonMinimumWords: number;
}

/** The defaults of clinical-rules.md. */
export const DEFAULT_POLICY: Readonly<ClinicPolicy> = Object.freeze({
  name: 'Default (clinical-rules.md)',
  opioidWashoutDays: Object.freeze({ standard: 7, methadone: 14, buprenorphine: 14 }),
  responseThresholdsPercent: Object.freeze({ substantial: 50, meaningful: 30, minimal: 10 }),
  overrideReasonMinimumWords: 3,
});

/** A partial clinic policy; whatever is left out keeps its default. */
export interface ClinicPolicyInput {
  name?: string;
  opioidWashoutDays?: Partial<ClinicPolicy['opioidWashoutDays']>;
  responseThresholdsPercent?: Partial<ClinicPolicy['responseThresholdsPercent']>;
  overrideReasonMinimumWords?: number;
}

function isWholeNonNegative(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

/** A complete, checked policy from a clinic's changes to the defaults; throws INVALID_POLICY. */
export function definePolicy(changes: ClinicPolicyInput = {}): ClinicPolicy {
  const policy: ClinicPolicy = {
    name: changes.name ?? 'Clinic policy',
    opioidWashoutDays: { ...DEFAULT_POLICY.opioidWashoutDays, ...changes.opioidWashoutDays },
    responseThresholdsPercent: {
      ...DEFAULT_POLICY.responseThresholdsPercent,
      ...changes.responseThresholdsPercent,
    },
    overrideReasonMinimumWords:
      changes.overrideReasonMinimumWords ?? DEFAULT_POLICY.overrideReasonMinimumWords,
  };
  validatePolicy(policy);
  return policy;
}

/** Throws INVALID_POLICY unless washouts are whole days and thresholds fall 100 ≥ s > m > n > 0. */
export function validatePolicy(policy: ClinicPolicy): void {
  const washouts = Object.values(policy.opioidWashoutDays);
  if (!washouts.every(isWholeNonNegative)) {
    throw new RuleInputError(
      'INVALID_POLICY',
      'Opioid washout periods must be whole numbers of days (0 or more).',
    );
  }
  const { substantial, meaningful, minimal } = policy.responseThresholdsPercent;
  const ordered =
    [substantial, meaningful, minimal].every(Number.isFinite) &&
    substantial <= 100 &&
    substantial > meaningful &&
    meaningful > minimal &&
    minimal > 0;
  if (!ordered) {
    throw new RuleInputError(
      'INVALID_POLICY',
      'Response thresholds must satisfy 100 ≥ substantial > meaningful > minimal > 0 (in %).',
    );
  }
  if (!isWholeNonNegative(policy.overrideReasonMinimumWords)) {
    throw new RuleInputError(
      'INVALID_POLICY',
      'The minimum words of an override reason must be a whole number.',
    );
  }
}
