import {
  type ClinicPolicy,
  DEFAULT_POLICY,
  decideOnFindings,
  isRuleInputError,
  type Override,
  type RuleFinding,
} from '@ldn/rules';
import { AppError, badInput, overrideRequired, ruleViolation } from './errors.ts';

/**
 * Applies the rules package's decision to an action: a hard stop throws RULE_VIOLATION, a soft stop
 * without a sufficient reason throws OVERRIDE_REQUIRED; otherwise returns the overrides to store
 * (with who and when) and the warnings to store and show.
 */
export function enforceFindings(
  findings: readonly RuleFinding[],
  overrides: readonly Override[] = [],
  policy: ClinicPolicy = DEFAULT_POLICY,
): { acceptedOverrides: Override[]; warnings: RuleFinding[] } {
  const decision = decideOnFindings(findings, overrides, policy.overrideReasonMinimumWords);
  if (decision.outcome === 'REFUSED') throw ruleViolation(findings.filter((f) => f.severity !== 'WARNING'));
  if (decision.outcome === 'OVERRIDE_REQUIRED') throw overrideRequired(decision.softStopsWithoutOverride);
  return { acceptedOverrides: decision.acceptedOverrides, warnings: decision.warnings };
}

/**
 * Runs a rules-package call whose input errors (an unknown condition, an impossible date, a dose
 * history out of order) must reach the client as BAD_USER_INPUT on `field`, not as a server error.
 */
export function withRuleInput<T>(field: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (isRuleInputError(error)) {
      throw new AppError('BAD_USER_INPUT', error.message, { field, reason: error.code });
    }
    throw error;
  }
}

export { badInput };
