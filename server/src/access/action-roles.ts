import type { Role } from '@ldn/db';

/** The people of a clinic (workflows.md): its clinicians and coordinators. */
export const CLINIC_ROLES = ['CLINICIAN', 'COORDINATOR'] as const satisfies readonly Role[];

/** Clinicians alone: what only a prescriber may do (sign, change a dose, assess, review a drug). */
const CLINICIANS = ['CLINICIAN'] as const satisfies readonly Role[];

/**
 * Who may perform each clinic action that work waits on (workflows.md's roles table). The
 * mutations' `@Authorized` and the worklist's "who can act" read these same lists, so the worklist
 * never offers a person an action the API would refuse them.
 */
export const MAY = {
  /** Prepare (createOrder, updateOrderDraft) a new order or a refill: coordinators prepare, not sign. */
  prepareOrder: CLINIC_ROLES,
  /** Sign and send a draft to the pharmacy (submitOrder). */
  signOrder: CLINICIANS,
  /** Release an order held with its trial (releaseOrderHold). */
  releaseOrderHold: CLINIC_ROLES,
  /** Record a dose step or declare a maintenance dose (changeDose, declareMaintenanceDose). */
  changeDose: CLINICIANS,
  /** Record the response assessment (assessResponse). */
  assessResponse: CLINICIANS,
  /** Put a trial on hold or resume it (holdTrial, resumeTrial). */
  holdOrResumeTrial: CLINIC_ROLES,
  /** Confirm a medication a newer drug vocabulary reads as an opioid (confirmPossibleOpioid). */
  reviewPossibleOpioid: CLINICIANS,
  /** Issue or revoke a trial's patient link, and follow its reports (issuePatientLink, revokePatientLink). */
  managePatientLink: CLINIC_ROLES,
  /** Review a side effect the patient reported (reviewPatientAdverseEffect). */
  reviewPatientReport: CLINIC_ROLES,
  /** Issue, list and revoke the FHIR API's tokens (apiTokens, issueApiToken, revokeApiToken). */
  manageApiTokens: ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type ClinicAction = keyof typeof MAY;
