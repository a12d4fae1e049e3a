import type { Role } from '@ldn/db';
import type { NextActionCode } from '@ldn/rules';
import { type ClinicAction, MAY } from '../access/action-roles.ts';
import type { OrderAttentionCode } from '../orders/order-worklist.ts';
import type { PatientReportAttentionCode } from '../patient-link/patient-worklist.ts';

/** Every kind of worklist item. */
export type WorklistCode =
  | NextActionCode
  | OrderAttentionCode
  | PatientReportAttentionCode
  | 'POSSIBLE_OPIOID_REVIEW';

/**
 * What clears each kind of item, and whether it goes to a clinician's inbox — something addressed
 * to the prescriber (a draft to sign, a possible opioid to review) — rather than the clinic's
 * schedule. Who may act is the action's roles (access/action-roles.ts), never a list of its own.
 */
const ROUTES: Record<WorklistCode, { action: ClinicAction; inbox: boolean }> = {
  DOSE_STEP_DUE: { action: 'changeDose', inbox: false },
  DOSE_STEP_OVERDUE: { action: 'changeDose', inbox: false },
  STEP_DOWN_TO_MAINTENANCE: { action: 'changeDose', inbox: false },
  ASSESSMENT_WINDOW_OPEN: { action: 'assessResponse', inbox: false },
  ASSESSMENT_OVERDUE: { action: 'assessResponse', inbox: false },
  REASSESSMENT_DUE: { action: 'assessResponse', inbox: false },
  TRIAL_ON_HOLD: { action: 'holdOrResumeTrial', inbox: false },
  ORDER_REJECTED: { action: 'prepareOrder', inbox: false },
  ORDER_ON_HOLD: { action: 'releaseOrderHold', inbox: false },
  REFILL_RUNNING_OUT: { action: 'prepareOrder', inbox: false },
  ORDER_AWAITING_SIGNATURE: { action: 'signOrder', inbox: true },
  POSSIBLE_OPIOID_REVIEW: { action: 'reviewPossibleOpioid', inbox: true },
  PATIENT_REPORTS_MISSING: { action: 'managePatientLink', inbox: false },
  ASSESSMENT_FEW_SCORES: { action: 'managePatientLink', inbox: false },
  PATIENT_SIDE_EFFECT_TO_REVIEW: { action: 'reviewPatientReport', inbox: false },
};

/** Who an item goes to, as the viewer sees it. */
export interface WorklistRouting {
  actionableBy: Role[];
  /** The role the item waits for when the viewer's role cannot act on it; null when it can. */
  waitsFor: Role | null;
  inbox: boolean;
}

/** Who can act on an item of `code`, and whether the viewer (of `viewerRole`) must wait for them. */
export function routingOf(code: WorklistCode, viewerRole: Role): WorklistRouting {
  const { action, inbox } = ROUTES[code];
  const actionableBy: Role[] = [...MAY[action]];
  const waitsFor = actionableBy.includes(viewerRole) ? null : (actionableBy[0] ?? null);
  return { actionableBy, waitsFor, inbox };
}
