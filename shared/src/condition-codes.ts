import type { ConditionCode } from './conditions.ts';

/** A code of a terminology with the display its source gives it. */
export interface TerminologyCode {
  code: string;
  display: string;
}

/** How the §1 indication is coded for other systems (FHIR Condition.code), where a code is certain. */
export interface ConditionCoding {
  /** ICD-10-CM (http://hl7.org/fhir/sid/icd-10-cm); null where no one code says what we record. */
  icd10cm: TerminologyCode | null;
  /** SNOMED CT (http://snomed.info/sct); null where no verified concept names it. */
  snomedCt: TerminologyCode | null;
}

/**
 * §1's indications in ICD-10-CM and SNOMED CT. Every code here was read from a published source,
 * none from memory; no source, or no single code that means what we record → null (the text is
 * then the only coding). Sources:
 * - [F] HL7 FHIR R4 specification examples: medicationdispense0321 (203082005 "Fibromyalgia
 *   (disorder)"), and a usage context of 82423001 "Chronic pain (finding)".
 * - [B] Belgian eHealth eReferral IG, ValueSet be-vs-diagnostic-imaging-indication (SNOMED CT,
 *   128200000 "Complex regional pain syndrome (disorder)").
 * - [S] SNOMED CT browser documentation of the hermes terminology server (24700007 "Multiple
 *   sclerosis (disorder)"), and an IG value set bound to SNOMED CT International 2022-01-31.
 * - [T] Independent public ICD-10-CM and SNOMED CT code tables (at least three agreeing on code
 *   and title each, one pairing the ICD-10-CM and SNOMED CT codes in a FHIR Condition). Check
 *   these against CDC's ICD-10-CM code files when updating.
 *
 * Decisions:
 * - Multiple sclerosis: ICD-10-CM FY2026 split G35 by course (relapsing-remitting, progressive…),
 *   which we do not record, so no ICD-10-CM code; SNOMED CT's concept covers every course.
 * - CRPS: ICD-10-CM codes type I (G90.5-) apart from type II (causalgia, G56.4-/G57.7-) and the
 *   limb; we record neither, so no ICD-10-CM code. SNOMED CT's concept covers both types.
 * - Painful diabetic neuropathy: ICD-10-CM codes it with the diabetes type (E10.4-/E11.4-), which
 *   we do not record; no verified SNOMED CT concept. Text only.
 * - Neuropathic corneal pain has no ICD-10-CM code of its own and no verified SNOMED CT concept.
 * - Other refractory chronic pain: G89.29 "Other chronic pain" and 82423001 "Chronic pain".
 */
export const CONDITION_CODINGS: Readonly<Record<ConditionCode, ConditionCoding>> = {
  FIBROMYALGIA: {
    icd10cm: { code: 'M79.7', display: 'Fibromyalgia' }, // [T]
    snomedCt: { code: '203082005', display: 'Fibromyalgia (disorder)' }, // [F][T]
  },
  MULTIPLE_SCLEROSIS: {
    icd10cm: null,
    snomedCt: { code: '24700007', display: 'Multiple sclerosis (disorder)' }, // [S][T]
  },
  CRPS: {
    icd10cm: null,
    snomedCt: { code: '128200000', display: 'Complex regional pain syndrome (disorder)' }, // [B]
  },
  CROHNS_DISEASE: {
    icd10cm: { code: 'K50.90', display: "Crohn's disease, unspecified, without complications" }, // [T]
    snomedCt: { code: '34000006', display: "Crohn's disease (disorder)" }, // [T]
  },
  PAINFUL_DIABETIC_NEUROPATHY: { icd10cm: null, snomedCt: null },
  NEUROPATHIC_CORNEAL_PAIN: { icd10cm: null, snomedCt: null },
  OTHER_CHRONIC_PAIN: {
    icd10cm: { code: 'G89.29', display: 'Other chronic pain' }, // [T]
    snomedCt: { code: '82423001', display: 'Chronic pain (finding)' }, // [F][T]
  },
};
