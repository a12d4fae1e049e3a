import {
  conditionDefinition,
  ELIGIBILITY_LINES,
  type EligibilityLine,
  FAILED_OUTCOMES,
  type TherapyClass,
  type TherapyOutcome,
} from './conditions.ts';
import { drugWords, hasWholeTerm } from './drug-names.ts';
import { finding, type RuleFinding } from './findings.ts';

/** A prior therapy as the eligibility rule reads it (§2). */
export interface PriorTherapy {
  drug: string;
  classes: TherapyClass[];
  outcome: TherapyOutcome;
}

export interface EligibilityInput {
  condition: string;
  priorTherapies: PriorTherapy[];
}

/** One required line, met or not, and the first recorded therapy that met it (§10). */
export interface EligibilityRequirement {
  line: EligibilityLine;
  met: boolean;
  metBy?: string;
}

export interface EligibilityResult {
  eligible: boolean;
  findings: RuleFinding[];
  requirements: EligibilityRequirement[];
}

/** [2] and §10: FDA-approved fibromyalgia drugs, by ingredient or brand, whatever classes were recorded. */
export const FIBROMYALGIA_DRUG_NAMES = [
  'pregabalin',
  'duloxetine',
  'milnacipran',
  'Lyrica',
  'Cymbalta',
  'Savella',
];

function hasFailed(therapy: PriorTherapy): boolean {
  return FAILED_OUTCOMES.includes(therapy.outcome);
}

function hasClass(therapy: PriorTherapy, ...classes: TherapyClass[]): boolean {
  return therapy.classes.some((recorded) => classes.includes(recorded));
}

function isFibromyalgiaDrug(drug: string): boolean {
  const words = drugWords(drug);
  return FIBROMYALGIA_DRUG_NAMES.some((name) => hasWholeTerm(words, name));
}

/** What therapy meets each line (§2 and §10). */
const MEETS: Readonly<Record<EligibilityLine, (therapy: PriorTherapy) => boolean>> = {
  TCA: (therapy) => hasFailed(therapy) && hasClass(therapy, 'TCA'),
  TCA_OR_SNRI: (therapy) => hasFailed(therapy) && hasClass(therapy, 'TCA', 'SNRI'),
  ANTICONVULSANT: (therapy) => hasFailed(therapy) && hasClass(therapy, 'ANTICONVULSANT'),
  // [2]: a disease-modifying therapy must be documented, and an ongoing one counts.
  DISEASE_MODIFYING_THERAPY: (therapy) => hasClass(therapy, 'DISEASE_SPECIFIC'),
  FIBROMYALGIA_DRUG: (therapy) => hasFailed(therapy) && isFibromyalgiaDrug(therapy.drug),
};

/**
 * §2: LDN is third- or fourth-line [1][2]. Lists each required line as met or not (and by what);
 * ELIGIBILITY_PRIOR_LINES_MISSING (soft stop) when a line is missing, LIMITED_EVIDENCE for
 * OTHER_CHRONIC_PAIN. Throws CONDITION_NOT_INDICATED for a condition outside §1.
 */
export function checkEligibility(input: EligibilityInput): EligibilityResult {
  const condition = conditionDefinition(input.condition);
  const requirements = condition.requiredLines.map((line): EligibilityRequirement => {
    const therapy = input.priorTherapies.find(MEETS[line]);
    return therapy === undefined ? { line, met: false } : { line, met: true, metBy: therapy.drug };
  });
  const missing = requirements.filter((requirement) => !requirement.met);
  const findings: RuleFinding[] = [];
  if (missing.length > 0) {
    const lines = missing.map((requirement) => ELIGIBILITY_LINES[requirement.line].label);
    findings.push(finding('ELIGIBILITY_PRIOR_LINES_MISSING', `Missing: ${lines.join('; ')}.`));
  }
  if (condition.limitedEvidence) {
    findings.push(
      finding('LIMITED_EVIDENCE', `${condition.label}: tell the patient the benefit is uncertain.`),
    );
  }
  return { eligible: missing.length === 0, findings, requirements };
}
