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

export const PATIENTS_WITH_HISTORIES = `query ($first: Int) {
  patients(first: $first) {
    edges { node { id priorTherapies { id drug } medications { id drug isOpioid active } symptomScores { scoredOn score } } }
  }
}`;

export const PATIENT = `query ($id: ID!) {
  patient(id: $id) {
    ${PATIENT_FIELDS}
    priorTherapies { id drug classes doseRange startedOn endedOn outcome note }
    medications { id drug dose isOpioid startedOn stoppedOn active }
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
    requirements { line met metBy }
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
  recordPriorTherapy(patientId: $patientId, input: $input) {
    id patientId drug classes doseRange startedOn endedOn outcome note
  }
}`;

export const RECORD_MEDICATION = `mutation ($patientId: ID!, $input: MedicationInput!) {
  recordMedication(patientId: $patientId, input: $input) {
    medication { id drug dose isOpioid startedOn stoppedOn active }
    patient { id }
    findings { code severity message evidence }
    trialsPutOnHold { id heldOn }
  }
}`;

export const STOP_MEDICATION = `mutation ($medicationId: ID!, $stoppedOn: LocalDate!) {
  stopMedication(medicationId: $medicationId, stoppedOn: $stoppedOn) { id drug isOpioid stoppedOn active }
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
