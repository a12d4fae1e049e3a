// The GraphQL documents the patient tests send, as the portal would.

export const PATIENT_FIELDS =
  'id mrn givenName familyName dateOfBirth phone email addressLine1 addressLine2 city region postalCode allergies version';

export const PATIENTS = `query ($search: String, $first: Int, $after: String) {
  patients(search: $search, first: $first, after: $after) {
    edges { cursor node { id givenName familyName mrn dateOfBirth } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

/** What the drug of a medication or a prior therapy keeps (clinical-rules §11) and its corrections. */
export const DRUG_RECORD_FIELDS =
  'id patientId drug classes ingredients recognition suggestion vocabularyVersion classifiedBy classifiedAt classifiedByName enteredInError enteredInErrorAt enteredInErrorReason enteredInErrorByName version amendments { amendedAt amendedBy reason previous }';

export const PRIOR_THERAPY_FIELDS = `${DRUG_RECORD_FIELDS} doseRange startedOn endedOn outcome note`;

export const MEDICATION_FIELDS = `${DRUG_RECORD_FIELDS} dose isOpioid startedOn stoppedOn active needsReview`;

/** A change of a medication answers with the medication, its patient, the findings and the holds it made. */
const MEDICATION_PAYLOAD_FIELDS = `medication { ${MEDICATION_FIELDS} }
    patient { id }
    findings { code severity message evidence }
    trialsPutOnHold { id heldOn }`;

export const PATIENTS_WITH_HISTORIES = `query ($first: Int) {
  patients(first: $first) {
    edges { node { id priorTherapies { id drug } medications { id drug isOpioid active } symptomScores { scoredOn score } } }
  }
}`;

export const PATIENT = `query ($id: ID!) {
  patient(id: $id) {
    ${PATIENT_FIELDS}
    priorTherapies { ${PRIOR_THERAPY_FIELDS} }
    medications { ${MEDICATION_FIELDS} }
    opioidFreeAttestations { id attestedOn lastOpioidDrug lastOpioidDoseOn note }
    consents { id recordedOn points { code text evidence } complete }
    symptomScores { measure scoredOn score }
    painScores: symptomScores(measure: PAIN_NRS) { scoredOn score }
    baselineCandidate { scoredOn score }
  }
}`;

export const ELIGIBILITY = `query ($patientId: ID!, $condition: Condition!) {
  eligibility(patientId: $patientId, condition: $condition) {
    eligible
    requirements { line met metBy metByClass classesFrom }
    findings { code severity message evidence }
  }
}`;

export const CONSENT_POINTS_QUERY = '{ consentPoints { code text evidence } }';

export const REGISTER = `mutation ($input: RegisterPatientInput!) {
  registerPatient(input: $input) { ${PATIENT_FIELDS} }
}`;

export const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdatePatientInput!) {
  updatePatient(id: $id, version: $version, input: $input) { ${PATIENT_FIELDS} }
}`;

export const RECORD_PRIOR_THERAPY = `mutation ($patientId: ID!, $input: PriorTherapyInput!) {
  recordPriorTherapy(patientId: $patientId, input: $input) { ${PRIOR_THERAPY_FIELDS} }
}`;

export const RECORD_MEDICATION = `mutation ($patientId: ID!, $input: MedicationInput!) {
  recordMedication(patientId: $patientId, input: $input) {
    ${MEDICATION_PAYLOAD_FIELDS}
  }
}`;

export const STOP_MEDICATION = `mutation ($medicationId: ID!, $stoppedOn: LocalDate!) {
  stopMedication(medicationId: $medicationId, stoppedOn: $stoppedOn) { ${MEDICATION_FIELDS} }
}`;

export const ATTEST_OPIOID_FREE = `mutation ($patientId: ID!, $input: OpioidFreeAttestationInput!) {
  attestOpioidFree(patientId: $patientId, input: $input) { id attestedOn lastOpioidDrug lastOpioidDoseOn note }
}`;

export const RECORD_CONSENT = `mutation ($patientId: ID!, $input: ConsentInput!) {
  recordConsent(patientId: $patientId, input: $input) { id recordedOn points { code text } complete }
}`;

export const RECORD_SYMPTOM_SCORE = `mutation ($patientId: ID!, $input: SymptomScoreInput!) {
  recordSymptomScore(patientId: $patientId, input: $input) { id measure scoredOn score }
}`;

// Corrections (workflows.md "Corrections"): nothing is deleted; amendments keep the previous values.

export const AMEND_MEDICATION = `mutation ($medicationId: ID!, $version: Int!, $input: MedicationAmendmentInput!, $reason: String!) {
  amendMedication(medicationId: $medicationId, version: $version, input: $input, reason: $reason) {
    ${MEDICATION_PAYLOAD_FIELDS}
  }
}`;

export const MARK_MEDICATION_ENTERED_IN_ERROR = `mutation ($medicationId: ID!, $version: Int!, $reason: String!) {
  markMedicationEnteredInError(medicationId: $medicationId, version: $version, reason: $reason) { ${MEDICATION_FIELDS} }
}`;

export const CONFIRM_POSSIBLE_OPIOID = `mutation ($medicationId: ID!, $version: Int!) {
  confirmPossibleOpioid(medicationId: $medicationId, version: $version) {
    ${MEDICATION_PAYLOAD_FIELDS}
  }
}`;

export const AMEND_PRIOR_THERAPY = `mutation ($priorTherapyId: ID!, $version: Int!, $input: PriorTherapyAmendmentInput!, $reason: String!) {
  amendPriorTherapy(priorTherapyId: $priorTherapyId, version: $version, input: $input, reason: $reason) { ${PRIOR_THERAPY_FIELDS} }
}`;

export const MARK_PRIOR_THERAPY_ENTERED_IN_ERROR = `mutation ($priorTherapyId: ID!, $version: Int!, $reason: String!) {
  markPriorTherapyEnteredInError(priorTherapyId: $priorTherapyId, version: $version, reason: $reason) { ${PRIOR_THERAPY_FIELDS} }
}`;
