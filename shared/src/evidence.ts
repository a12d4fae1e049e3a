/**
 * The references of the evidence summary (seed/000_3fa5fbf0514b1288.txt) that the rules rest on,
 * keyed by the summary's own reference numbers, with what the summary cites each one for. The
 * portal shows these beside a finding; `'seed'` is the summary itself where it gives no number.
 */
export const EVIDENCE = {
  '1': 'Dosing algorithm (start 1.5 mg at bedtime, increase 1.5 mg every 2 weeks, 4.5 mg target and maximum); fibromyalgia RCT (n=31); line of therapy after TCAs/SNRIs and anticonvulsants; ophthalmology guidance for neuropathic corneal pain; no monitoring beyond clinical assessment.',
  '2': 'Third- or fourth-line use after standard and disease-specific therapies; MS safety with benefit mainly in subjective quality of life; opioid-free before starting; 4–8 weeks at target dose to assess response; compounding and insurance; standard-dose naltrexone (50–100 mg) is for opioid/alcohol dependence.',
  '3': 'Glial (TLR-4) modulation and endogenous opioid upregulation; possible MS benefit; CRPS, Crohn’s disease and painful diabetic neuropathy in small studies and case reports.',
  '4': 'CRPS, Crohn’s disease and painful diabetic neuropathy in small studies and case reports; few replication studies; favourable tolerability; needs a compounding pharmacy.',
  '5': 'Case reports of sustained fibromyalgia improvement over 2 years at 4.5 mg daily; 4.5 mg as the maximum.',
  '6': 'Veterans Affairs retrospective review: mean pain change −0.83, mean treatment duration 123 days, about 50 % continuing; benefits modest and subjective.',
  '7': 'Concurrent opioid use: LDN precipitates withdrawal and blocks opioid analgesia.',
  '8': 'Concurrent opioid use: LDN precipitates withdrawal and blocks opioid analgesia.',
  seed: 'The evidence summary itself: adverse effects reported in 32 % of patients.',
} as const satisfies Record<string, string>;

/** A reference of the evidence summary: '1'..'8' or 'seed'. */
export type EvidenceRef = keyof typeof EVIDENCE;

/** The citation text of each reference, in the order given, for display. */
export function describeEvidence(refs: readonly string[]): { ref: string; citation: string }[] {
  return refs.map((ref) => ({
    ref,
    citation: ref in EVIDENCE ? EVIDENCE[ref as EvidenceRef] : 'Not in the evidence summary.',
  }));
}

/** Reference figures to show beside a clinic's own outcomes (clinical-rules.md §8). */
export const REFERENCE_FIGURES = {
  /** [6]: VA review, mean duration on LDN. */
  meanDurationDays: { value: 123, evidence: ['6'] },
  /** [6]: VA review, share still on LDN at follow-up. */
  continuingAtFollowUp: { value: 0.5, evidence: ['6'] },
  /** [6]: VA review, mean change on the 0–10 pain scale. */
  meanPainChange: { value: -0.83, evidence: ['6'] },
  /** [seed]: share of patients reporting adverse effects. */
  adverseEffectRate: { value: 0.32, evidence: ['seed'] },
} as const;
