import { checkTrialEnteredInError, type TrialOrderProgress, type TrialState } from '@ldn/rules';
import type { Role } from '../auth/api/me.ts';

/** What can be done to a trial from its page. */
export type TrialAction =
  | 'CHANGE_DOSE'
  | 'DECLARE_MAINTENANCE_DOSE'
  | 'HOLD'
  | 'RESUME'
  | 'RECORD_ADVERSE_EFFECT'
  | 'ASSESS_RESPONSE'
  | 'DISCONTINUE';

/** Treatment is running: started, not on hold, not ended. */
const RUNNING: readonly TrialState[] = ['TITRATING', 'AT_TARGET', 'ASSESSMENT_DUE', 'CONTINUING', 'EXTENDED'];

// Who may (server/src/trials/*.resolver.ts: coordinators hold, resume and record adverse effects;
// dose, assessment and ending are clinicians' decisions) and when (workflows.md's state machine).
const ALLOWED: Record<TrialAction, { roles: readonly Role[]; states: readonly TrialState[] }> = {
  CHANGE_DOSE: { roles: ['CLINICIAN'], states: RUNNING },
  DECLARE_MAINTENANCE_DOSE: { roles: ['CLINICIAN'], states: RUNNING },
  HOLD: { roles: ['CLINICIAN', 'COORDINATOR'], states: RUNNING },
  RESUME: { roles: ['CLINICIAN', 'COORDINATOR'], states: ['ON_HOLD'] },
  RECORD_ADVERSE_EFFECT: { roles: ['CLINICIAN', 'COORDINATOR'], states: [...RUNNING, 'ON_HOLD'] },
  // Offered before the window too, so the form can say when it opens; after a CONTINUE it is done.
  ASSESS_RESPONSE: { roles: ['CLINICIAN'], states: ['TITRATING', 'AT_TARGET', 'ASSESSMENT_DUE', 'EXTENDED'] },
  DISCONTINUE: { roles: ['CLINICIAN'], states: ['READY', ...RUNNING, 'ON_HOLD'] },
};

const ORDER = Object.keys(ALLOWED) as TrialAction[];

/** The actions a person in `role` may take on a trial in `state` (derived as of today). */
export function trialActionsFor(state: TrialState, role: Role): TrialAction[] {
  return ORDER.filter(
    (action) => ALLOWED[action].roles.includes(role) && ALLOWED[action].states.includes(state),
  );
}

/**
 * Whether the page offers a clinician "Entered in error…" (workflows.md, corrections): OFFERED for
 * a trial with no order at the pharmacy's bench; HAS_SUPPLY when one reached it (the page says to
 * discontinue instead: rules, checkTrialEnteredInError); null for anyone else or a voided trial.
 */
export function enteredInErrorOffer(
  trial: { enteredInError: boolean; orders: readonly TrialOrderProgress[] },
  role: Role,
): 'OFFERED' | 'HAS_SUPPLY' | null {
  if (role !== 'CLINICIAN' || trial.enteredInError) return null;
  return checkTrialEnteredInError(trial.orders).length === 0 ? 'OFFERED' : 'HAS_SUPPLY';
}
