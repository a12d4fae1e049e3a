import type { RegisterPatientInput } from '../api/register-patient.ts';
import type { UpdatePatientInput } from '../api/update-patient.ts';

/** The patient's details as the forms edit them, each an input's text. */
export const DETAIL_FIELDS = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'mrn',
  'phone',
  'email',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'allergies',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export type PatientDetailsDraft = Record<DetailField, string>;

/** The fields a patient must have; the others may be left empty. */
export const REQUIRED_DETAILS: readonly DetailField[] = ['givenName', 'familyName', 'dateOfBirth', 'mrn'];

const OPTIONAL_DETAILS = DETAIL_FIELDS.filter((field) => !REQUIRED_DETAILS.includes(field));

/** An empty form. */
export function emptyDetails(): PatientDetailsDraft {
  return Object.fromEntries(DETAIL_FIELDS.map((field) => [field, ''])) as PatientDetailsDraft;
}

/** The form filled with a patient's details as recorded. */
export function detailsOf(patient: { [Field in DetailField]?: string | null }): PatientDetailsDraft {
  return Object.fromEntries(
    DETAIL_FIELDS.map((field) => [field, patient[field] ?? '']),
  ) as PatientDetailsDraft;
}

/** True when every required field has something in it. */
export function hasRequiredDetails(draft: PatientDetailsDraft): boolean {
  return REQUIRED_DETAILS.every((field) => draft[field].trim() !== '');
}

/** A registration: text trimmed, empty optional fields left out. */
export function registrationInputOf(draft: PatientDetailsDraft): RegisterPatientInput {
  const optional = Object.fromEntries(
    OPTIONAL_DETAILS.flatMap((field) => {
      const value = draft[field].trim();
      return value === '' ? [] : [[field, value]];
    }),
  );
  return {
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
    dateOfBirth: draft.dateOfBirth,
    mrn: draft.mrn.trim(),
    ...optional,
  };
}

/**
 * A change: only the fields that differ from the record (an update leaves the others as they
 * are); an optional field emptied is sent as null, which clears it.
 */
export function updateInputOf(draft: PatientDetailsDraft, recorded: PatientDetailsDraft): UpdatePatientInput {
  const changes: Record<string, string | null> = {};
  for (const field of DETAIL_FIELDS) {
    const value = draft[field].trim();
    if (value === recorded[field].trim()) continue;
    changes[field] = value === '' && OPTIONAL_DETAILS.includes(field) ? null : value;
  }
  return changes as UpdatePatientInput;
}
