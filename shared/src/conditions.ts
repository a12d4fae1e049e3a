import { DRUG_CLASSES, type DrugClass } from './drugs/drug-classes.ts';
import { RuleInputError } from './errors.ts';
import type { EvidenceRef } from './evidence.ts';

/** §1: the conditions this product treats as LDN indications. */
export const CONDITION_CODES = [
  'FIBROMYALGIA',
  'MULTIPLE_SCLEROSIS',
  'CRPS',
  'CROHNS_DISEASE',
  'PAINFUL_DIABETIC_NEUROPATHY',
  'NEUROPATHIC_CORNEAL_PAIN',
  'OTHER_CHRONIC_PAIN',
] as const;

export type ConditionCode = (typeof CONDITION_CODES)[number];

/** §2: the prior lines of therapy a condition may require, with stable ids (§10). */
export type EligibilityLine =
  | 'TCA'
  | 'TCA_OR_SNRI'
  | 'ANTICONVULSANT'
  | 'DISEASE_MODIFYING_THERAPY'
  | 'FIBROMYALGIA_DRUG';

export interface ConditionDefinition {
  label: string;
  /** What the clinician is shown about the evidence (§1). */
  evidenceText: string;
  evidence: readonly EvidenceRef[];
  /** Prior lines that must be documented before LDN (§2). */
  requiredLines: readonly EligibilityLine[];
  /** True when every trial of the condition carries LIMITED_EVIDENCE. */
  limitedEvidence: boolean;
}

// [1]: every other condition needs a failed TCA or SNRI and a failed anticonvulsant.
const STANDARD_LINES = ['TCA_OR_SNRI', 'ANTICONVULSANT'] as const;
const SMALL_STUDIES = 'Small studies and case reports.';

/** §1 and §2, one entry per indication. */
export const CONDITIONS: Readonly<Record<ConditionCode, ConditionDefinition>> = {
  FIBROMYALGIA: {
    label: 'Fibromyalgia',
    evidenceText:
      'One RCT (n=31): 4.5 mg reduced pain and improved life satisfaction vs placebo; case reports of sustained benefit over 2 years; VA review: mean pain change −0.83.',
    evidence: ['1', '5', '6'],
    // [1][2]: standard lines plus a failed FDA-approved fibromyalgia drug.
    requiredLines: [...STANDARD_LINES, 'FIBROMYALGIA_DRUG'],
    limitedEvidence: false,
  },
  MULTIPLE_SCLEROSIS: {
    label: 'Multiple sclerosis',
    evidenceText: 'Safety and tolerability shown; benefit mainly in subjective quality of life.',
    evidence: ['2', '3'],
    // [1][2]: standard lines plus a documented disease-modifying therapy, whatever its outcome.
    requiredLines: [...STANDARD_LINES, 'DISEASE_MODIFYING_THERAPY'],
    limitedEvidence: false,
  },
  CRPS: {
    label: 'Complex regional pain syndrome',
    evidenceText: SMALL_STUDIES,
    evidence: ['1', '3', '4'],
    requiredLines: STANDARD_LINES,
    limitedEvidence: false,
  },
  CROHNS_DISEASE: {
    label: 'Crohn’s disease',
    evidenceText: SMALL_STUDIES,
    evidence: ['1', '3', '4'],
    requiredLines: STANDARD_LINES,
    limitedEvidence: false,
  },
  PAINFUL_DIABETIC_NEUROPATHY: {
    label: 'Painful diabetic neuropathy',
    evidenceText: SMALL_STUDIES,
    evidence: ['1', '3', '4'],
    requiredLines: STANDARD_LINES,
    limitedEvidence: false,
  },
  NEUROPATHIC_CORNEAL_PAIN: {
    label: 'Neuropathic corneal pain',
    evidenceText: 'Ophthalmology guidance: second-line after TCAs, before tramadol.',
    evidence: ['1'],
    // [1]: second-line, after a TCA.
    requiredLines: ['TCA'],
    limitedEvidence: false,
  },
  OTHER_CHRONIC_PAIN: {
    label: 'Other refractory chronic pain',
    evidenceText: 'Limited evidence.',
    evidence: [],
    requiredLines: STANDARD_LINES,
    limitedEvidence: true,
  },
};

/** True when `code` is one of the §1 conditions. */
export function isIndicatedCondition(code: unknown): code is ConditionCode {
  return typeof code === 'string' && (CONDITION_CODES as readonly string[]).includes(code);
}

/** The §1 definition of a condition; throws CONDITION_NOT_INDICATED for anything else. */
export function conditionDefinition(code: string): ConditionDefinition {
  if (!isIndicatedCondition(code)) {
    throw new RuleInputError(
      'CONDITION_NOT_INDICATED',
      `"${code}" is not an LDN indication in this product; indications are: ${CONDITION_CODES.join(', ')}.`,
    );
  }
  return CONDITIONS[code];
}

/** §2 and §11: classes of prior therapy are the drug classes of the vocabulary. One drug may have several. */
export const THERAPY_CLASSES = DRUG_CLASSES;
export type TherapyClass = DrugClass;

/** §2: outcomes of a prior therapy. */
export const THERAPY_OUTCOMES = ['INEFFECTIVE', 'INTOLERANT', 'CONTRAINDICATED', 'ONGOING'] as const;
export type TherapyOutcome = (typeof THERAPY_OUTCOMES)[number];

/** §2: "failed" means ineffective, not tolerated or contraindicated; ONGOING has not failed. */
export const FAILED_OUTCOMES: readonly TherapyOutcome[] = ['INEFFECTIVE', 'INTOLERANT', 'CONTRAINDICATED'];

/** §2, §10 and §11: what each eligibility line asks for, and the drug classes that meet it. */
export const ELIGIBILITY_LINES: Readonly<
  Record<
    EligibilityLine,
    {
      label: string;
      evidence: readonly EvidenceRef[];
      /** A therapy of any of these classes meets the line… */
      classes: readonly DrugClass[];
      /** …if it failed; false: whatever its outcome, ongoing included. */
      mustHaveFailed: boolean;
    }
  >
> = {
  TCA: {
    label: 'A failed tricyclic antidepressant (TCA)',
    evidence: ['1'],
    classes: ['TCA'],
    mustHaveFailed: true,
  },
  TCA_OR_SNRI: {
    label: 'A failed TCA or SNRI',
    evidence: ['1'],
    classes: ['TCA', 'SNRI'],
    mustHaveFailed: true,
  },
  ANTICONVULSANT: {
    label: 'A failed anticonvulsant',
    evidence: ['1'],
    classes: ['ANTICONVULSANT'],
    mustHaveFailed: true,
  },
  // [2]: a disease-modifying therapy must be documented, and an ongoing one counts.
  DISEASE_MODIFYING_THERAPY: {
    label: 'A documented MS disease-modifying therapy (any outcome, including ongoing)',
    evidence: ['2'],
    classes: ['MS_DISEASE_MODIFYING'],
    mustHaveFailed: false,
  },
  FIBROMYALGIA_DRUG: {
    label: 'A failed FDA-approved fibromyalgia drug (pregabalin, duloxetine or milnacipran)',
    evidence: ['2'],
    classes: ['FIBROMYALGIA_APPROVED'],
    mustHaveFailed: true,
  },
};
