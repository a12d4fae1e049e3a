import { addDays, assertIsoDate, daysBetween, type IsoDate } from './dates.ts';
import { drugWords, hasWholeTerm } from './drug-names.ts';
import { finding, type RuleFinding } from './findings.ts';
import { type ClinicPolicy, DEFAULT_POLICY } from './policy.ts';

/** §3 and §10: opioid ingredients, matched as whole words so naloxone or apomorphine never match. */
export const OPIOID_INGREDIENTS = [
  'morphine',
  'codeine',
  'oxycodone',
  'hydrocodone',
  'hydromorphone',
  'oxymorphone',
  'fentanyl',
  'tramadol',
  'tapentadol',
  'methadone',
  'buprenorphine',
  'meperidine',
  'pethidine',
  'levorphanol',
  'dihydrocodeine',
  'pentazocine',
  'butorphanol',
  'nalbuphine',
  'sufentanil',
  'remifentanil',
  'alfentanil',
  'opium',
  'benzhydrocodone',
  'oliceridine',
  'diamorphine',
] as const;

export type OpioidIngredient = (typeof OPIOID_INGREDIENTS)[number];

/** §10: common brands, each with the opioid ingredients it contains. */
export const OPIOID_BRANDS: Readonly<Record<string, readonly OpioidIngredient[]>> = {
  Percocet: ['oxycodone'],
  Percodan: ['oxycodone'],
  Roxicodone: ['oxycodone'],
  OxyContin: ['oxycodone'],
  Xtampza: ['oxycodone'],
  Vicodin: ['hydrocodone'],
  Norco: ['hydrocodone'],
  Lortab: ['hydrocodone'],
  Hysingla: ['hydrocodone'],
  Zohydro: ['hydrocodone'],
  Apadaz: ['benzhydrocodone'],
  Dilaudid: ['hydromorphone'],
  Exalgo: ['hydromorphone'],
  Opana: ['oxymorphone'],
  Duragesic: ['fentanyl'],
  Actiq: ['fentanyl'],
  Fentora: ['fentanyl'],
  Sublimaze: ['fentanyl'],
  Ultram: ['tramadol'],
  Ultracet: ['tramadol'],
  ConZip: ['tramadol'],
  Nucynta: ['tapentadol'],
  'MS Contin': ['morphine'],
  Kadian: ['morphine'],
  Duramorph: ['morphine'],
  Dolophine: ['methadone'],
  Methadose: ['methadone'],
  Suboxone: ['buprenorphine'],
  Subutex: ['buprenorphine'],
  Zubsolv: ['buprenorphine'],
  Butrans: ['buprenorphine'],
  Belbuca: ['buprenorphine'],
  Sublocade: ['buprenorphine'],
  Brixadi: ['buprenorphine'],
  Buprenex: ['buprenorphine'],
  Demerol: ['meperidine'],
  Talwin: ['pentazocine'],
  Stadol: ['butorphanol'],
  Nubain: ['nalbuphine'],
  Dsuvia: ['sufentanil'],
  Olinvyk: ['oliceridine'],
};

/** The opioid ingredients in a product name (ingredients and brands, case-insensitive, whole words). */
export function opioidIngredientsOf(drug: string): OpioidIngredient[] {
  const words = drugWords(drug);
  const found = new Set<OpioidIngredient>(
    OPIOID_INGREDIENTS.filter((ingredient) => words.includes(ingredient)),
  );
  for (const [brand, ingredients] of Object.entries(OPIOID_BRANDS)) {
    if (hasWholeTerm(words, brand)) for (const ingredient of ingredients) found.add(ingredient);
  }
  return OPIOID_INGREDIENTS.filter((ingredient) => found.has(ingredient));
}

/** §3: true when the product contains an opioid ("oxycodone/acetaminophen", "Percocet"). */
export function isOpioid(drug: string): boolean {
  return opioidIngredientsOf(drug).length > 0;
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

/** Input of checkOpioidFree (§9). */
export interface OpioidFreeInput {
  startDate: IsoDate;
  /** The patient's active medication list, as product names. */
  activeMedications: string[];
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

  const activeOpioids = activeMedications.filter(isOpioid);
  if (activeOpioids.length > 0) {
    findings.push(
      finding(
        'OPIOID_CONCURRENT_USE',
        `Active: ${activeOpioids.join(', ')}. Stop it and complete the washout first.`,
      ),
    );
  }

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
  /** The medication being recorded. */
  drug: string;
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
  if (!input.trialActive || !isOpioid(input.drug))
    return { findings: [], holdTrial: false, holdOpenOrders: false };
  return {
    findings: [
      finding(
        'OPIOID_STARTED_DURING_TRIAL',
        `${input.drug} is an opioid: LDN blocks its analgesia and may precipitate withdrawal. Tell the prescriber of the opioid.`,
      ),
    ],
    holdTrial: true,
    holdOpenOrders: true,
  };
}
