import type { Answer } from '../../../test/api-mock.ts';

// Builders of the patient page's API answers, for its tests.

/** What a medication and a prior therapy both carry: the coded drug, classified by the vocabulary, uncorrected. */
function aCodedDrug(drug: string) {
  return {
    ingredients: [drug.toLowerCase()],
    classes: ['OTHER'],
    recognition: 'RECOGNISED',
    suggestion: null,
    vocabularyVersion: '2026.11.1',
    classifiedBy: 'VOCABULARY',
    classifiedAt: null,
    classifiedByName: null,
    enteredInError: false,
    enteredInErrorAt: null,
    enteredInErrorReason: null,
    enteredInErrorByName: null,
    amendments: [],
  };
}

/** A medication as the patient query returns it. */
export function aMedication(drug: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Medication',
    id: `med-${drug}`,
    drug,
    dose: null,
    startedOn: null,
    stoppedOn: null,
    active: true,
    isOpioid: false,
    version: 1,
    ...aCodedDrug(drug),
    needsReview: false,
    ...overrides,
  };
}

/** A prior therapy as the patient query returns it. */
export function aPriorTherapy(drug: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'PriorTherapy',
    id: `pt-${drug}`,
    version: 1,
    drug,
    doseRange: null,
    startedOn: null,
    endedOn: null,
    outcome: 'INEFFECTIVE',
    note: null,
    ...aCodedDrug(drug),
    ...overrides,
  };
}

/** The type-ahead's answer when the vocabulary has no name like it. */
export const NO_HITS: Answer = { data: { drugSearch: [] } };

/** A patient as the patient query returns it. */
export function aPatient(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Patient',
    id: 'patient-1',
    version: 1,
    givenName: 'Ann',
    familyName: 'Lee',
    dateOfBirth: '1970-01-02',
    mrn: 'MRN-1',
    email: null,
    phone: null,
    addressLine1: null,
    addressLine2: null,
    city: null,
    region: null,
    postalCode: null,
    allergies: null,
    priorTherapies: [],
    medications: [],
    consents: [],
    opioidFreeAttestations: [],
    symptomScores: [],
    trials: [],
    ...overrides,
  };
}

/** The patient query's answer: this patient, or one with these fields changed. */
export const patientAnswer = (overrides: Record<string, unknown> = {}): Answer => ({
  data: { patient: aPatient(overrides) },
});

export const anActiveTrial = {
  __typename: 'Trial',
  id: 'trial-1',
  condition: 'FIBROMYALGIA',
  startDate: '2026-01-05',
  endedOn: null,
  enteredInError: false,
  status: { __typename: 'TrialStatus', state: 'TITRATING', currentDoseMg: 3 },
};

export const ELIGIBILITY: Answer = {
  data: {
    eligibility: {
      __typename: 'Eligibility',
      eligible: false,
      requirements: [
        {
          __typename: 'EligibilityRequirement',
          line: 'TCA_OR_SNRI',
          met: false,
          metBy: null,
          metByClass: null,
          classesFrom: null,
        },
      ],
      findings: [],
    },
  },
};

export function startCheck(findings: Array<{ code: string; severity: string }>): Answer {
  return {
    data: {
      trialStartCheck: {
        __typename: 'TrialStartCheck',
        canStart: findings.length === 0,
        outcome: findings.length === 0 ? 'ALLOWED' : 'REFUSED',
        findings: findings.map((finding) => ({
          __typename: 'Finding',
          ...finding,
          message: `${finding.code} message`,
          evidence: [],
        })),
        baseline: null,
      },
    },
  };
}

/** A symptom score as the patient query returns it: recorded by a coordinator, uncorrected. */
export function aSymptomScore(
  measure: string,
  scoredOn: string,
  score: number,
  overrides: Record<string, unknown> = {},
) {
  return {
    __typename: 'SymptomScore',
    id: `score-${measure}-${scoredOn}`,
    version: 1,
    measure,
    scoredOn,
    score,
    createdAt: `${scoredOn}T10:00:00Z`,
    recordedBy: 'Sam Coordinator',
    enteredInError: false,
    enteredInErrorAt: null,
    enteredInErrorReason: null,
    enteredInErrorByName: null,
    amendments: [],
    ...overrides,
  };
}
