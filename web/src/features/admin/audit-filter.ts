import { addDays, isIsoDate } from '@ldn/rules';
import type { AuditLogFilter } from './api/audit-log.ts';

/** The audit log's filter as the form holds it: ids ('' = any), an action, a period of dates. */
export interface AuditFilterValues {
  actorId: string;
  organisationId: string;
  action: string;
  /** First day of the period (YYYY-MM-DD), '' for no start. */
  from: string;
  /** Last day of the period, included, '' for no end. */
  to: string;
}

export const NO_AUDIT_FILTER: AuditFilterValues = {
  actorId: '',
  organisationId: '',
  action: '',
  from: '',
  to: '',
};

/** Actions the API writes (server/src/**: audit calls); others can still be typed. */
export const KNOWN_ACTIONS = [
  'READ',
  'CREATE',
  'UPDATE',
  'SIGN_IN',
  'SIGN_IN_REFUSED',
  'SIGN_OUT',
  'INVITE',
  'PASSWORD_RESET_LINK',
  'PASSWORD_CHANGED',
  'PASSWORD_CHANGE_REFUSED',
  'SESSION_ENDED',
  'OTHER_SESSIONS_ENDED',
  'DEACTIVATE',
  'REACTIVATE',
  'ROLE_CHANGE_COORDINATOR_TO_CLINICIAN',
  'ROLE_CHANGE_CLINICIAN_TO_COORDINATOR',
  'SUBMIT',
  'CANCEL',
  'HOLD',
  'RELEASE',
  'RESUME',
  'DOSE_CHANGE',
  'MAINTENANCE_DOSE',
  'ADVERSE_EFFECT',
  'ASSESS',
  'DISCONTINUE',
] as const;

/** The start of a calendar day where the browser is, as an instant. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00`).toISOString();

/** Why the period cannot be asked for, or null. */
export function periodProblem(values: AuditFilterValues): string | null {
  if (values.from !== '' && !isIsoDate(values.from)) return 'Enter the first day as a date.';
  if (values.to !== '' && !isIsoDate(values.to)) return 'Enter the last day as a date.';
  if (values.from !== '' && values.to !== '' && values.to < values.from) {
    return 'The last day is before the first day.';
  }
  return null;
}

/**
 * The API's filter: the period's days become instants in the browser's time zone, the last day
 * included (the API's `to` is exclusive, so it is the start of the day after).
 */
export function auditFilterOf(values: AuditFilterValues): AuditLogFilter {
  const action = values.action.trim().toUpperCase();
  return {
    ...(values.actorId !== '' && { actorId: values.actorId }),
    ...(values.organisationId !== '' && { organisationId: values.organisationId }),
    ...(action !== '' && { action }),
    ...(values.from !== '' && { from: startOfDay(values.from) }),
    ...(values.to !== '' && { to: startOfDay(addDays(values.to, 1)) }),
  };
}
