import { FINDING_CODES, type FindingCode, type Override } from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { apiErrorOf } from './errors.ts';

/** A finding as a form shows it: from the rules package in the browser, or from the API's refusal. */
export interface ShownFinding {
  code: string;
  severity: string;
  message: string;
  evidence?: readonly string[];
}

/** The override reasons typed so far, by soft-stop code. */
export type OverrideReasons = Readonly<Record<string, string>>;

const isFindingCode = (code: string): code is FindingCode => (FINDING_CODES as string[]).includes(code);

/** The reasons given for the soft stops among `findings`, as the rules and the API take them. */
export function overridesFor(findings: readonly ShownFinding[], reasons: OverrideReasons): Override[] {
  return findings.flatMap((finding) => {
    const reason = reasons[finding.code]?.trim() ?? '';
    return finding.severity === 'SOFT_STOP' && reason !== '' && isFindingCode(finding.code)
      ? [{ code: finding.code, reason }]
      : [];
  });
}

/** Every reason typed so far that names a finding (the rules take only those of its soft stops). */
export function overridesFromReasons(reasons: OverrideReasons): Override[] {
  return Object.entries(reasons).flatMap(([code, reason]) =>
    reason.trim() !== '' && isFindingCode(code) ? [{ code, reason: reason.trim() }] : [],
  );
}

/**
 * The findings a form shows: the API's, when its last answer refused the action with findings
 * (RULE_VIOLATION, OVERRIDE_REQUIRED: it decides), else the browser's own check.
 */
export function findingsToShow(
  browserFindings: readonly ShownFinding[],
  refusal: CombinedError | null,
): readonly ShownFinding[] {
  if (refusal === null) return browserFindings;
  const { findings } = apiErrorOf(refusal);
  return findings.length > 0 ? findings : browserFindings;
}
