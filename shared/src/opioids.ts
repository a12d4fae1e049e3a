import { addDays, assertIsoDate, daysBetween, type IsoDate } from './dates.ts';
import { classifyDrug, drugConcept, isOpioid } from './drugs/classify.ts';
import { finding, type RuleFinding } from './findings.ts';
import { type ClinicPolicy, DEFAULT_POLICY } from './policy.ts';

/** The opioid ingredients of a product name, as the vocabulary reads it (§11), probable ones included. */
export function opioidIngredientsOf(drug: string): string[] {
  const { status, ingredients } = classifyDrug(drug);
  if (status === 'UNRECOGNISED') return [];
  return ingredients.filter((ingredient) => drugConcept(ingredient)?.classes.includes('OPIOID') === true);
}

/**
 * A medication as a record holds it: the name, and whether its stored classification (the
 * vocabulary's, or a clinician's for an unrecognised drug) makes it an opioid.
 */
export interface ClassifiedMedication {
  drug: string;
  isOpioid: boolean;
}

/** A medication of the list: a name the vocabulary reads, or a stored classification. */
export type MedicationEntry = string | ClassifiedMedication;

function medicationIsOpioid(medication: MedicationEntry): boolean {
  return typeof medication === 'string' ? isOpioid(medication) : medication.isOpioid;
}

function medicationName(medication: MedicationEntry): string {
  return typeof medication === 'string' ? medication : medication.drug;
}

/**
 * §3 and §10: the washout (clinic policy) before LDN after the last dose of `drug`. Any product
 * containing methadone or buprenorphine takes the longer washout of the two it contains.
 */
export function washoutDaysFor(drug: string, policy: ClinicPolicy = DEFAULT_POLICY): number {
  const ingredients = opioidIngredientsOf(drug);
  const { standard, methadone, buprenorphine } = policy.opioidWashoutDays;
  let days = standard;
  if (ingredients.includes('methadone')) days = Math.max(days, methadone);
  if (ingredients.includes('buprenorphine')) days = Math.max(days, buprenorphine);
  return days;
}

/**
 * §3 and §11: OPIOID_CONCURRENT_USE while an active medication is a recognised or probable opioid
 * (or one a clinician classed as such). A start is refused, and so is an opioid-free attestation.
 */
export function checkNoActiveOpioid(activeMedications: readonly MedicationEntry[]): RuleFinding[] {
  const activeOpioids = activeMedications.filter(medicationIsOpioid).map(medicationName);
  if (activeOpioids.length === 0) return [];
  return [
    finding(
      'OPIOID_CONCURRENT_USE',
      `Active: ${activeOpioids.join(', ')}. Stop it and complete the washout first.`,
    ),
  ];
}

/** Input of checkOpioidFree (§9). */
export interface OpioidFreeInput {
  startDate: IsoDate;
  /** The patient's active medication list: names, or names with their stored classification. */
  activeMedications: readonly MedicationEntry[];
  /** The date of the opioid-free attestation. */
  attestedOn?: IsoDate;
  /** The last opioid dose; it always counts as an opioid, whatever the name (§10). */
  lastOpioidDose?: { drug: string; date: IsoDate };
}

/** §3: a trial may start only opioid-free, attested, and past the washout (clinic policy). */
export function checkOpioidFree(
  input: OpioidFreeInput,
  policy: ClinicPolicy = DEFAULT_POLICY,
): RuleFinding[] {
  const { startDate, activeMedications, attestedOn, lastOpioidDose } = input;
  assertIsoDate(startDate);
  const findings: RuleFinding[] = [];

  findings.push(...checkNoActiveOpioid(activeMedications));

  if (attestedOn === undefined) {
    findings.push(finding('OPIOID_FREE_NOT_ATTESTED', 'No attestation is recorded.'));
  } else if (daysBetween(attestedOn, startDate) < 0) {
    findings.push(
      finding(
        'OPIOID_FREE_NOT_ATTESTED',
        `The attestation (${attestedOn}) is dated after the start (${startDate}).`,
      ),
    );
  } else if (lastOpioidDose !== undefined && daysBetween(lastOpioidDose.date, attestedOn) < 0) {
    // §10: an attestation that predates the last opioid dose attests nothing.
    findings.push(
      finding(
        'OPIOID_FREE_NOT_ATTESTED',
        `The attestation (${attestedOn}) predates the last opioid dose (${lastOpioidDose.date}).`,
      ),
    );
  }

  if (lastOpioidDose !== undefined) {
    const requiredDays = washoutDaysFor(lastOpioidDose.drug, policy);
    const daysSinceLastDose = daysBetween(lastOpioidDose.date, startDate);
    if (daysSinceLastDose < requiredDays) {
      findings.push(
        finding(
          'OPIOID_WASHOUT',
          `Last dose of ${lastOpioidDose.drug} on ${lastOpioidDose.date} is ${daysSinceLastDose} day(s) before the start; clinic policy "${policy.name}" requires ${requiredDays}. The earliest start is ${addDays(lastOpioidDose.date, requiredDays)}.`,
        ),
      );
    }
  }
  return findings;
}

/** Input of checkOpioidRecordedDuringTrial. */
export interface OpioidDuringTrialInput {
  /** The medication being recorded: its name, or its name with its stored classification. */
  drug: MedicationEntry;
  /** True when the patient has an active LDN trial (see ACTIVE_TRIAL_STATES). */
  trialActive: boolean;
}

/**
 * §3: recording an opioid during an active trial puts the trial ON_HOLD, holds its open orders,
 * and tells the prescriber LDN blocks the opioid's analgesia [7][8].
 */
export function checkOpioidRecordedDuringTrial(input: OpioidDuringTrialInput): {
  findings: RuleFinding[];
  holdTrial: boolean;
  holdOpenOrders: boolean;
} {
  if (!input.trialActive || !medicationIsOpioid(input.drug))
    return { findings: [], holdTrial: false, holdOpenOrders: false };
  return {
    findings: [
      finding(
        'OPIOID_STARTED_DURING_TRIAL',
        `${medicationName(input.drug)} is an opioid: LDN blocks its analgesia and may precipitate withdrawal. Tell the prescriber of the opioid.`,
      ),
    ],
    holdTrial: true,
    holdOpenOrders: true,
  };
}
