import type { Prisma } from '@ldn/db';
import { compareDates, type IsoDate } from '@ldn/rules';
import { dbDate } from '../graphql/scalars.ts';
import { badInput } from '../platform/errors.ts';
import type { RegisterPatientInput, UpdatePatientInput } from './patient.input.ts';

/** Refuses `later` (the field named) when it is before `earlier`: an end before its start. */
export function assertNotBefore(
  field: string,
  later: IsoDate | null | undefined,
  earlier: IsoDate | null | undefined,
  message: string,
): void {
  if (later != null && earlier != null && compareDates(later, earlier) < 0) throw badInput(field, message);
}

/** A nullable calendar date as Prisma stores it. */
export const optionalDbDate = (date: IsoDate | null | undefined): Date | null =>
  date === null || date === undefined ? null : dbDate(date);

/** Surrounding spaces are typing noise; an emptied optional field is no value. */
export function tidy(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

const OPTIONAL_FIELDS = [
  'phone',
  'email',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'allergies',
] as const;

function optionalData(input: RegisterPatientInput | UpdatePatientInput) {
  const data: Partial<Record<(typeof OPTIONAL_FIELDS)[number], string | null>> = {};
  for (const field of OPTIONAL_FIELDS) {
    const value = tidy(input[field]);
    if (value !== undefined) data[field] = value;
  }
  return data;
}

/** The columns of a new patient, from a validated input. */
export function registrationData(
  input: RegisterPatientInput,
): Omit<Prisma.PatientUncheckedCreateInput, 'clinicId'> {
  return {
    mrn: input.mrn.trim(),
    givenName: input.givenName.trim(),
    familyName: input.familyName.trim(),
    dateOfBirth: dbDate(input.dateOfBirth),
    ...optionalData(input),
  };
}

/** The columns a change sets: only the fields the client sent. */
export function updateData(input: UpdatePatientInput): Prisma.PatientUncheckedUpdateManyInput {
  return {
    ...(input.mrn === undefined ? {} : { mrn: input.mrn.trim() }),
    ...(input.givenName === undefined ? {} : { givenName: input.givenName.trim() }),
    ...(input.familyName === undefined ? {} : { familyName: input.familyName.trim() }),
    ...(input.dateOfBirth === undefined ? {} : { dateOfBirth: dbDate(input.dateOfBirth) }),
    ...optionalData(input),
  };
}
