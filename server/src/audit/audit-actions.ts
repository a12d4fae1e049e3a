import { ROLES_OF } from '../admin/roles.ts';
import { ORDER_TRANSITIONS } from '../orders/order-transitions.ts';

/** A role change is written as ROLE_CHANGE_<from>_TO_<to>, for two roles of one kind of organisation. */
const ROLE_CHANGES = Object.values(ROLES_OF).flatMap((roles) =>
  roles.flatMap((from) => roles.filter((to) => to !== from).map((to) => `ROLE_CHANGE_${from}_TO_${to}`)),
);

/** A pharmacy moves an order with a transition, written upper-cased (`markReady` → MARKREADY). */
const PHARMACY_TRANSITIONS = Object.entries(ORDER_TRANSITIONS)
  .filter(([, transition]) => transition.side === 'PHARMACY')
  .map(([name]) => name.toUpperCase());

/**
 * Every action the API writes to the audit log, for the administrator's filter. One list:
 * `audit-actions.test.ts` reads the code's audit calls and fails when the two differ.
 */
export const AUDIT_ACTIONS: readonly string[] = [
  ...[
    'ADVERSE_EFFECT',
    'AMEND',
    'API_TOKEN_USE',
    'ASSESS',
    'BIRTH_DATE_REFUSED',
    'CANCEL',
    'CREATE',
    'DEACTIVATE',
    'DEVICE_CONFIRMED',
    'DISCONTINUE',
    'DOSE_CHANGE',
    'ENTERED_IN_ERROR',
    'HOLD',
    'INVITATION_ACCEPTED',
    'INVITE',
    'ISSUE',
    'LIST',
    'LOCK',
    'MAINTENANCE_DOSE',
    'OTHER_SESSIONS_ENDED',
    'PASSWORD_CHANGED',
    'PASSWORD_CHANGE_REFUSED',
    'PASSWORD_RESET',
    'PASSWORD_RESET_LINK',
    'PATIENT_REPORT',
    'REACTIVATE',
    'READ',
    'RECLASSIFY',
    'RECORD_ENTERED_IN_ERROR',
    'RELEASE',
    'REOPEN',
    'REPLACE',
    'RESUME',
    'REVIEW',
    'REVOKE',
    'SESSION_ENDED',
    'SIGNATURE_REFUSED',
    'SIGN_IN',
    'SIGN_IN_REFUSED',
    'SIGN_OUT',
    'SUBMIT',
    'SUBSCRIBE',
    'UPDATE',
    'VERIFY',
  ],
  ...PHARMACY_TRANSITIONS,
  ...ROLE_CHANGES,
].sort();

/** Whether the audit log's filter may ask for this action. */
export const isAuditAction = (action: string): boolean => AUDIT_ACTIONS.includes(action);
