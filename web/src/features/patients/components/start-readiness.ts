import { BASELINE_WINDOW_DAYS, CONSENT_POINT_CODES } from '@ldn/rules';

interface Finding {
  code: string;
  severity: string;
  message: string;
  evidence: readonly string[];
}

/** One thing a start needs, with the findings that stand against it (none: met). */
export interface StartRequirement<F extends Finding = Finding> {
  key: 'PRIOR_LINES' | 'OPIOID_FREE' | 'BASELINE' | 'CONSENT';
  label: string;
  /** MET; OVERRIDE (only soft stops: a clinician may start with a reason); NOT_MET (a hard stop). */
  status: 'MET' | 'OVERRIDE' | 'NOT_MET';
  findings: F[];
}

interface RequirementDefinition {
  key: StartRequirement['key'];
  label: string;
  /** The codes of the findings that stand against it. */
  codes: readonly string[];
}

const REQUIREMENTS: readonly RequirementDefinition[] = [
  {
    key: 'PRIOR_LINES',
    label: 'Prior lines of therapy failed (§2)',
    codes: ['ELIGIBILITY_PRIOR_LINES_MISSING'],
  },
  {
    key: 'OPIOID_FREE',
    label: 'Opioid-free: no active opioid, attested, washout passed (§3)',
    codes: ['OPIOID_CONCURRENT_USE', 'OPIOID_FREE_NOT_ATTESTED', 'OPIOID_WASHOUT'],
  },
  {
    key: 'BASELINE',
    label: `A baseline pain score in the ${BASELINE_WINDOW_DAYS} days up to the start (§5)`,
    codes: ['BASELINE_MISSING', 'BASELINE_NO_PAIN'],
  },
  {
    key: 'CONSENT',
    label: `Consent: all ${CONSENT_POINT_CODES.length} points understood (§7)`,
    codes: ['CONSENT_MISSING'],
  },
];

/**
 * The start check's findings sorted under the requirements of a start, so the page can say, one
 * by one, what is met and what is missing. Findings of no requirement (LIMITED_EVIDENCE) are left
 * for the eligibility findings.
 */
export function startRequirementsOf<F extends Finding>(findings: readonly F[]): StartRequirement<F>[] {
  return REQUIREMENTS.map(({ key, label, codes }) => {
    const against = findings.filter((finding) => codes.includes(finding.code));
    const status = against.some((finding) => finding.severity === 'HARD_STOP')
      ? 'NOT_MET'
      : against.length > 0
        ? 'OVERRIDE'
        : 'MET';
    return { key, label, status, findings: against };
  });
}
