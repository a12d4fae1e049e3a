import {
  conditionDefinition,
  ELIGIBILITY_LINES,
  type EligibilityLine,
  FAILED_OUTCOMES,
  type TherapyClass,
  type TherapyOutcome,
} from './conditions.ts';
import { classifyDrug } from './drugs/classify.ts';
import { finding, type RuleFinding } from './findings.ts';

/** A prior therapy as the eligibility rule reads it (§2). */
export interface PriorTherapy {
  drug: string;
  /**
   * The classes a clinician gave an unrecognised drug. For a drug the vocabulary recognises they are
   * not read: its classes come from the drug (§11), so a tick box cannot make pregabalin an MS DMT.
   */
  classes: TherapyClass[];
  outcome: TherapyOutcome;
}

export interface EligibilityInput {
  condition: string;
  priorTherapies: PriorTherapy[];
}

/** One required line, met or not, by which therapy and why (§10, §11). */
export interface EligibilityRequirement {
  line: EligibilityLine;
  met: boolean;
  /** The drug name of the first qualifying therapy, in the order given. */
  metBy?: string;
  /** The class of that drug that meets the line. */
  metByClass?: TherapyClass;
  /** Where that class came from: the vocabulary, or the classes recorded for an unrecognised drug. */
  classesFrom?: 'VOCABULARY' | 'RECORDED';
}

export interface EligibilityResult {
  eligible: boolean;
  findings: RuleFinding[];
  requirements: EligibilityRequirement[];
}

/** §11: a recognised drug's classes come from the vocabulary; otherwise the recorded ones count. */
export function therapyClassesOf(therapy: Pick<PriorTherapy, 'drug' | 'classes'>): {
  classes: readonly TherapyClass[];
  from: 'VOCABULARY' | 'RECORDED';
} {
  const classification = classifyDrug(therapy.drug);
  return classification.status === 'RECOGNISED'
    ? { classes: classification.classes, from: 'VOCABULARY' }
    : { classes: therapy.classes, from: 'RECORDED' };
}

function requirementOf(line: EligibilityLine, therapies: readonly PriorTherapy[]): EligibilityRequirement {
  const { classes, mustHaveFailed } = ELIGIBILITY_LINES[line];
  for (const therapy of therapies) {
    if (mustHaveFailed && !FAILED_OUTCOMES.includes(therapy.outcome)) continue;
    const read = therapyClassesOf(therapy);
    const metByClass = classes.find((candidate) => read.classes.includes(candidate));
    if (metByClass !== undefined)
      return { line, met: true, metBy: therapy.drug, metByClass, classesFrom: read.from };
  }
  return { line, met: false };
}

/**
 * §2: LDN is third- or fourth-line [1][2]. Lists each required line as met or not (and by what);
 * ELIGIBILITY_PRIOR_LINES_MISSING (soft stop) when a line is missing, LIMITED_EVIDENCE for
 * OTHER_CHRONIC_PAIN. Throws CONDITION_NOT_INDICATED for a condition outside §1.
 */
export function checkEligibility(input: EligibilityInput): EligibilityResult {
  const condition = conditionDefinition(input.condition);
  const requirements = condition.requiredLines.map((line) => requirementOf(line, input.priorTherapies));
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
