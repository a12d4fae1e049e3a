import { addDays, isIsoDate } from '@ldn/rules';
import type { AuditLogFilter } from './api/audit-log.ts';

/**
 * The audit log's filter as the form holds it: ids ('' = any), an action, a patient (a clinic and an
 * MRN: the administrator never sees names), a record (its kind and id), a period of dates.
 */
export interface AuditFilterValues {
  actorId: string;
  organisationId: string;
  action: string;
  clinicId: string;
  mrn: string;
  recordKind: string;
  recordId: string;
  /** First day of the period (YYYY-MM-DD), '' for no start. */
  from: string;
  /** Last day of the period, included, '' for no end. */
  to: string;
}

export const NO_AUDIT_FILTER: AuditFilterValues = {
  actorId: '',
  organisationId: '',
  action: '',
  clinicId: '',
  mrn: '',
  recordKind: '',
  recordId: '',
  from: '',
  to: '',
};

/** The start of a calendar day where the browser is, as an instant. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00`).toISOString();

/** Why the patient or the record cannot be asked for, by field, or null. */
export function subjectProblem(
  values: AuditFilterValues,
): { field: 'mrn' | 'recordId'; message: string } | null {
  const mrn = values.mrn.trim();
  if (mrn !== '' && values.clinicId === '')
    return { field: 'mrn', message: 'Choose the clinic of this MRN.' };
  if (mrn === '' && values.clinicId !== '') return { field: 'mrn', message: 'Enter the MRN to search for.' };
  const recordId = values.recordId.trim();
  if (values.recordKind !== '' && recordId === '')
    return { field: 'recordId', message: "Enter the record's id." };
  if (values.recordKind === '' && recordId !== '')
    return { field: 'recordId', message: 'Choose the kind of record.' };
  return null;
}

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
  const mrn = values.mrn.trim();
  const recordId = values.recordId.trim();
  return {
    ...(values.actorId !== '' && { actorId: values.actorId }),
    ...(values.organisationId !== '' && { organisationId: values.organisationId }),
    ...(values.action !== '' && { action: values.action }),
    ...(values.clinicId !== '' && mrn !== '' && { patient: { clinicId: values.clinicId, mrn } }),
    ...(values.recordKind !== '' &&
      recordId !== '' && { record: { entity: values.recordKind, id: recordId } }),
    ...(values.from !== '' && { from: startOfDay(values.from) }),
    ...(values.to !== '' && { to: startOfDay(addDays(values.to, 1)) }),
  };
}
