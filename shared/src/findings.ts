import type { EvidenceRef } from './evidence.ts';

/** How a finding weighs on the action (clinical-rules.md, preamble). */
export type Severity = 'HARD_STOP' | 'SOFT_STOP' | 'WARNING';

/** The result of a rule: an empty list of these means "nothing against it" (§9). */
export interface RuleFinding {
  code: FindingCode;
  severity: Severity;
  message: string;
  evidence: string[];
}

interface FindingDefinition {
  severity: Severity;
  /** What the finding means, in a clinician's words; findings add the particulars. */
  summary: string;
  evidence: readonly EvidenceRef[];
}

/**
 * Every finding the rules can return, with its severity and evidence. A product rule that no
 * evidence stands behind has `[]` (§10). `CONDITION_NOT_INDICATED` is thrown, never returned.
 */
export const FINDINGS = {
  DOSE_ABOVE_MAXIMUM: {
    severity: 'HARD_STOP',
    summary: 'The nightly dose is above the 4.5 mg LDN maximum.',
    evidence: ['1', '5'],
  },
  DOSE_INVALID: {
    severity: 'HARD_STOP',
    summary: 'The nightly dose must be positive and a multiple of 0.5 mg.',
    evidence: [],
  },
  TITRATION_TOO_FAST: {
    severity: 'SOFT_STOP',
    summary: 'LDN is increased by at most 1.5 mg, no sooner than every 2 weeks.',
    evidence: ['1'],
  },
  OPIOID_CONCURRENT_USE: {
    severity: 'HARD_STOP',
    summary: 'An opioid is active: LDN would precipitate withdrawal and block its analgesia.',
    evidence: ['7', '8'],
  },
  OPIOID_FREE_NOT_ATTESTED: {
    severity: 'HARD_STOP',
    summary: 'The patient must be attested opioid-free on or before the start date.',
    evidence: ['2'],
  },
  OPIOID_WASHOUT: {
    severity: 'HARD_STOP',
    summary: 'Too few days have passed since the last opioid dose (clinic policy washout).',
    evidence: ['2'],
  },
  OPIOID_STARTED_DURING_TRIAL: {
    severity: 'WARNING',
    summary: 'An opioid was recorded during the LDN trial: the trial and its open orders go on hold.',
    evidence: ['7', '8'],
  },
  ELIGIBILITY_PRIOR_LINES_MISSING: {
    severity: 'SOFT_STOP',
    summary: 'LDN is a third- or fourth-line agent: required prior therapies have not failed.',
    evidence: ['1', '2'],
  },
  LIMITED_EVIDENCE: {
    severity: 'WARNING',
    summary: 'The evidence for LDN in this condition is limited.',
    evidence: ['1', '2'],
  },
  BASELINE_MISSING: {
    severity: 'HARD_STOP',
    summary: 'A baseline pain score (0–10) from the 14 days up to the start date is required.',
    evidence: [],
  },
  BASELINE_NO_PAIN: {
    severity: 'SOFT_STOP',
    summary: 'A baseline pain score of 0 cannot show a reduction.',
    evidence: [],
  },
  ASSESSMENT_TOO_EARLY: {
    severity: 'HARD_STOP',
    summary: 'Response is assessed after at least 4 weeks at the target dose.',
    evidence: ['2'],
  },
  CONSENT_MISSING: {
    severity: 'HARD_STOP',
    summary: 'The patient’s understanding of the LDN trial has not been recorded before the start.',
    evidence: ['2', '4', '6', '7', '8'],
  },
  CONDITION_NOT_INDICATED: {
    severity: 'HARD_STOP',
    summary: 'The condition is not an LDN indication in this product.',
    evidence: ['1', '2'],
  },
  BEYOND_USE_DATE_EXCEEDS_DEFAULT: {
    severity: 'SOFT_STOP',
    summary: 'The beyond-use date is later than the USP <795> default and needs a documented reason.',
    evidence: [],
  },
  // Product rule (workflows.md, corrections): a trial whose LDN may have reached the patient
  // happened; it is discontinued (and counted), never voided.
  TRIAL_HAS_SUPPLY: {
    severity: 'HARD_STOP',
    summary: 'The patient may have received LDN from this trial, so it cannot be marked entered in error.',
    evidence: [],
  },
  // Product rules (issue #15: a new order warns when it overlaps an open order or supply already
  // dispensed); clinical-rules.md names no code for them, so these follow its style.
  ORDER_ALREADY_OPEN: {
    severity: 'SOFT_STOP',
    summary: 'The trial already has an open order (not yet dispensed, cancelled or rejected).',
    evidence: [],
  },
  ORDER_OVERLAPS_SUPPLY: {
    severity: 'SOFT_STOP',
    summary: 'Supply already dispensed for the trial still covers nights from the new order’s first night.',
    evidence: [],
  },
} as const satisfies Record<string, FindingDefinition>;

/** The stable code of a finding. */
export type FindingCode = keyof typeof FINDINGS;

/** Every finding code, for enums in the API and the portal. */
export const FINDING_CODES = Object.keys(FINDINGS) as FindingCode[];

/** A finding of the given code; `details` adds the particulars to the standard summary. */
export function finding(code: FindingCode, details?: string): RuleFinding {
  const definition: FindingDefinition = FINDINGS[code];
  return {
    code,
    severity: definition.severity,
    message: details === undefined ? definition.summary : `${definition.summary} ${details}`,
    evidence: [...definition.evidence],
  };
}

/** A clinician's reason to go past a soft stop. */
export interface Override {
  code: FindingCode;
  reason: string;
}

/** What the caller must do with a list of findings. */
export interface FindingsDecision {
  /** REFUSED: a hard stop; OVERRIDE_REQUIRED: a soft stop without a valid reason; else ALLOWED. */
  outcome: 'REFUSED' | 'OVERRIDE_REQUIRED' | 'ALLOWED';
  hardStops: RuleFinding[];
  /** Soft stops that still lack an override reason of at least `minimumWords` words. */
  softStopsWithoutOverride: RuleFinding[];
  /** Overrides that apply (the API stores them with who and when). */
  acceptedOverrides: Override[];
  warnings: RuleFinding[];
}

/** True when an override reason has at least `minimumWords` words ("at least a few words"). */
export function isSufficientOverrideReason(reason: string | undefined, minimumWords: number): boolean {
  if (reason === undefined) return false;
  return reason.trim().split(/\s+/).filter(Boolean).length >= minimumWords;
}

/** Whether findings refuse an action, need override reasons, or let it through. */
export function decideOnFindings(
  findings: readonly RuleFinding[],
  overrides: readonly Override[],
  minimumWords: number,
): FindingsDecision {
  const hardStops = findings.filter((f) => f.severity === 'HARD_STOP');
  const softStops = findings.filter((f) => f.severity === 'SOFT_STOP');
  const acceptedOverrides = overrides.filter(
    (o) => softStops.some((f) => f.code === o.code) && isSufficientOverrideReason(o.reason, minimumWords),
  );
  const softStopsWithoutOverride = softStops.filter((f) => !acceptedOverrides.some((o) => o.code === f.code));
  const outcome =
    hardStops.length > 0 ? 'REFUSED' : softStopsWithoutOverride.length > 0 ? 'OVERRIDE_REQUIRED' : 'ALLOWED';
  return {
    outcome,
    hardStops,
    softStopsWithoutOverride,
    acceptedOverrides,
    warnings: findings.filter((f) => f.severity === 'WARNING'),
  };
}
