import { graphql } from '../../../graphql/index.ts';

// What the patient page shows of a medication and a prior therapy (§11): the coded drug, who
// classified it, the version a correction is based on, and the corrections themselves.

export const MedicationFields = graphql(`
  fragment MedicationFields on Medication @_unmask {
    id
    version
    drug
    dose
    startedOn
    stoppedOn
    active
    isOpioid
    ingredients
    classes
    recognition
    suggestion
    vocabularyVersion
    classifiedBy
    classifiedAt
    classifiedByName
    needsReview
    enteredInError
    enteredInErrorAt
    enteredInErrorReason
    enteredInErrorByName
    amendments {
      amendedAt
      amendedBy
      reason
      previous
    }
  }
`);

export const PriorTherapyFields = graphql(`
  fragment PriorTherapyFields on PriorTherapy @_unmask {
    id
    version
    drug
    classes
    doseRange
    startedOn
    endedOn
    outcome
    note
    ingredients
    recognition
    suggestion
    vocabularyVersion
    classifiedBy
    classifiedAt
    classifiedByName
    enteredInError
    enteredInErrorAt
    enteredInErrorReason
    enteredInErrorByName
    amendments {
      amendedAt
      amendedBy
      reason
      previous
    }
  }
`);

/** The payload of recording, amending or confirming a medication: what the API found, trials held. */
export const RecordMedicationPayloadFields = graphql(
  `
  fragment RecordMedicationPayloadFields on RecordMedicationPayload @_unmask {
    medication {
      ...MedicationFields
    }
    findings {
      code
      severity
      message
      evidence
    }
    trialsPutOnHold {
      id
      heldOn
    }
  }
`,
  [MedicationFields],
);
