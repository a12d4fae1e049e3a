import type { EvidenceRef } from './evidence.ts';

/** §6: the adverse effects the form offers (plus free text under OTHER); reported in 32 % [seed]. */
export const ADVERSE_EFFECTS = {
  VIVID_DREAMS: 'Vivid dreams',
  INSOMNIA: 'Insomnia',
  HEADACHE: 'Headache',
  NAUSEA: 'Nausea',
  ANXIETY: 'Anxiety',
  FATIGUE: 'Fatigue',
  OTHER: 'Other (describe)',
} as const;
export type AdverseEffect = keyof typeof ADVERSE_EFFECTS;

/** §6: severity of an adverse effect. */
export const ADVERSE_EFFECT_SEVERITIES = ['MILD', 'MODERATE', 'SEVERE'] as const;
export type AdverseEffectSeverity = (typeof ADVERSE_EFFECT_SEVERITIES)[number];

/** §6: what was done about an adverse effect. */
export const ADVERSE_EFFECT_ACTIONS = {
  NONE: 'None',
  HELD_DOSE: 'Held the dose',
  STEPPED_DOWN: 'Stepped down',
  DISCONTINUED: 'Discontinued',
} as const;
export type AdverseEffectAction = keyof typeof ADVERSE_EFFECT_ACTIONS;

/**
 * §6 [1][2]: no laboratory monitoring beyond clinical assessment of efficacy and tolerability;
 * the product must not create lab tasks.
 */
export const LABORATORY_MONITORING_REQUIRED = false;

/** §8: why a trial was discontinued. */
export const DISCONTINUATION_REASONS = {
  INEFFECTIVE: 'Ineffective',
  ADVERSE_EFFECTS: 'Adverse effects',
  OPIOID_NEEDED: 'Opioid needed',
  COST_NOT_COVERED: 'Cost / not covered',
  PATIENT_CHOICE: 'Patient choice',
  LOST_TO_FOLLOW_UP: 'Lost to follow-up',
  OTHER: 'Other',
} as const;
export type DiscontinuationReason = keyof typeof DISCONTINUATION_REASONS;

/** §5: a discontinuation for intolerance or patient choice is allowed before the window opens. */
export const DISCONTINUATION_REASONS_ALLOWED_ANY_TIME: readonly DiscontinuationReason[] = [
  'ADVERSE_EFFECTS',
  'PATIENT_CHOICE',
];

/** §5: the decision an assessment records. */
export const ASSESSMENT_DECISIONS = {
  CONTINUE: 'Continue (maintenance)',
  EXTEND: 'Extend (assess again by the 8-week mark)',
  DISCONTINUE: 'Discontinue',
} as const;
export type AssessmentDecision = keyof typeof ASSESSMENT_DECISIONS;

/** §7: what the patient must understand before the start, each a stable code. */
export const CONSENT_POINTS = {
  OFF_LABEL_LIMITED_EVIDENCE: {
    text: 'LDN is off-label and experimental, with limited evidence.',
    evidence: ['2', '6'],
  },
  MODEST_SUBJECTIVE_BENEFIT: {
    text: 'Benefits, if any, are usually modest and subjective, not disease-modifying.',
    evidence: ['2', '6'],
  },
  COMPOUNDING_NOT_COVERED: {
    text: 'LDN needs a compounding pharmacy and is often not covered by insurance.',
    evidence: ['2', '4'],
  },
  AVOID_OPIOIDS: {
    text: 'Opioids must be avoided while on LDN (withdrawal, blocked pain relief).',
    evidence: ['7', '8'],
  },
} as const satisfies Record<string, { text: string; evidence: readonly EvidenceRef[] }>;
export type ConsentPoint = keyof typeof CONSENT_POINTS;
export const CONSENT_POINT_CODES = Object.keys(CONSENT_POINTS) as ConsentPoint[];

/** workflows.md: the states of a trial. */
export const TRIAL_STATES = [
  'SCREENING',
  'READY',
  'TITRATING',
  'AT_TARGET',
  'ASSESSMENT_DUE',
  'CONTINUING',
  'EXTENDED',
  'ON_HOLD',
  'DISCONTINUED',
] as const;
export type TrialState = (typeof TRIAL_STATES)[number];

/** workflows.md: the states of a compounding order. */
export const ORDER_STATES = [
  'DRAFT',
  'SUBMITTED',
  'RECEIVED',
  'COMPOUNDING',
  'READY',
  'DISPENSED',
  'REJECTED',
  'CANCELLED',
  'ON_HOLD',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/**
 * Why a pharmacy rejects an order, in words the clinic can act on; OTHER needs a note
 * (REJECTION_NOTE_REQUIRED), the others may add one.
 */
export const REJECTION_REASONS = {
  OUT_OF_STOCK: 'Out of stock',
  PRESCRIPTION_INCOMPLETE: 'Prescription incomplete',
  PRESCRIBER_NOT_VERIFIED: 'Prescriber not verified',
  CLINICAL_CONCERN: 'Clinical concern',
  DUPLICATE: 'Duplicate order',
  OTHER: 'Other (describe)',
} as const;
export type RejectionCode = keyof typeof REJECTION_REASONS;

/** The rejection reasons that say nothing on their own: the pharmacist must write the note. */
export const REJECTION_NOTE_REQUIRED: readonly RejectionCode[] = ['OTHER'];

/** States of an order still on its way to the patient: neither dispensed nor withdrawn. */
export const OPEN_ORDER_STATES: readonly OrderState[] = [
  'DRAFT',
  'SUBMITTED',
  'RECEIVED',
  'COMPOUNDING',
  'READY',
  'ON_HOLD',
];

/** States in which a trial is active (an opioid recorded now puts it on hold, §3). */
export const ACTIVE_TRIAL_STATES: readonly TrialState[] = [
  'TITRATING',
  'AT_TARGET',
  'ASSESSMENT_DUE',
  'CONTINUING',
  'EXTENDED',
  'ON_HOLD',
];
