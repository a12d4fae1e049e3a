// The operations of marking a trial entered in error, as the portal sends them (for the tests).

const MARKED_FIELDS = `id state version enteredInError enteredInErrorAt enteredInErrorReason enteredInErrorByName
  status { state enteredInError actions { code } nextStep { date } assessmentWindow { opensOn } }`;

export const MARK_ENTERED_IN_ERROR = `mutation ($trialId: ID!, $version: Int!, $reason: String!) {
  markTrialEnteredInError(trialId: $trialId, version: $version, reason: $reason) { ${MARKED_FIELDS} } }`;

export const READ_MARKED = `query ($id: ID!) { trial(id: $id) { ${MARKED_FIELDS} } }`;

/** A trial as these operations answer with it. */
export interface MarkedFields {
  id: string;
  state: string;
  version: number;
  enteredInError: boolean;
  enteredInErrorAt: string | null;
  enteredInErrorReason: string | null;
  enteredInErrorByName: string | null;
  status: { state: string; enteredInError: boolean; actions: { code: string }[] };
}

export interface MarkedTrial {
  markTrialEnteredInError: MarkedFields;
}
