/** The terminologies and identifier systems the FHIR API writes. */
export const SYSTEM = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomedCt: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  ucum: 'http://unitsofmeasure.org',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  adverseEventSeverity: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
} as const;

/**
 * Our own code systems and identifier namespaces. They are URNs of the product, not web addresses:
 * a code of ours is no claim about anybody else's terminology.
 */
const OURS = 'urn:ldn-trials';
export const OUR_SYSTEM = {
  symptomMeasure: `${OURS}:code-system:symptom-measure`,
  adverseEffect: `${OURS}:code-system:adverse-effect`,
  consentPoint: `${OURS}:code-system:consent-point`,
  order: `${OURS}:order`,
  rxNumber: (pharmacyId: string) => `${OURS}:pharmacy:${pharmacyId}:rx-number`,
  pharmacyLicence: `${OURS}:pharmacy-licence`,
  /** An MRN is unique within its clinic only, so each clinic is a namespace of its own. */
  mrn: (clinicId: string) => `${OURS}:clinic:${clinicId}:mrn`,
} as const;
