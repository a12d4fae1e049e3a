import { humanize } from '../../lib/format.ts';

const OWN_LABELS: Readonly<Record<string, string>> = {
  TCA: 'TCA',
  SNRI: 'SNRI',
  MS_DISEASE_MODIFYING: 'MS disease-modifying therapy',
  FIBROMYALGIA_APPROVED: 'FDA-approved fibromyalgia drug',
};

/** A drug class as the clinic writes it: TCA and SNRI are abbreviations (clinical-rules §11). */
export function drugClassLabel(drugClass: string): string {
  return OWN_LABELS[drugClass] ?? humanize(drugClass);
}

/** Class labels in a list: "Anticonvulsant, FDA-approved fibromyalgia drug". */
export function drugClassesLabel(classes: readonly string[]): string {
  return classes.length === 0 ? '—' : classes.map(drugClassLabel).join(', ');
}

/** What each class covers (clinical-rules §11), beside its checkbox. */
export const DRUG_CLASS_HINTS: Readonly<Record<string, string>> = {
  OPIOID: 'agonists, partial agonists, mixed agonist–antagonists',
  OPIOID_ANTAGONIST: 'naltrexone, naloxone, nalmefene: never opioids',
  TCA: 'tricyclic antidepressant: nortriptyline, amitriptyline',
  SNRI: 'duloxetine, venlafaxine, milnacipran',
  ANTICONVULSANT: 'carbamazepine, gabapentin, pregabalin',
  MS_DISEASE_MODIFYING: 'interferon beta, glatiramer, fumarates, ocrelizumab…',
  FIBROMYALGIA_APPROVED: 'pregabalin, duloxetine, milnacipran',
  OTHER: '',
};
