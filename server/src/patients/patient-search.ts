import type { Patient, Prisma } from '@ldn/db';
import { isIsoDate } from '@ldn/rules';
import { isRecordId } from '../access/ids.ts';
import { dbDate } from '../graphql/scalars.ts';
import { decodeCursor, encodeCursor } from '../platform/cursor.ts';

/** The sort key of the patient list: family name, given name, then id so the order is total. */
export const PATIENT_ORDER: Prisma.PatientOrderByWithRelationInput[] = [
  { familyName: 'asc' },
  { givenName: 'asc' },
  { id: 'asc' },
];

type SortKey = Pick<Patient, 'familyName' | 'givenName' | 'id'>;

/** An opaque cursor: the sort key of the last patient of a page. */
export function cursorOf(patient: SortKey): string {
  return encodeCursor([patient.familyName, patient.givenName, patient.id]);
}

// The id is compared with a uuid column: anything else must not reach SQL.
const isSortKey = (key: unknown): key is [string, string, string] =>
  Array.isArray(key) &&
  key.length === 3 &&
  key.every((part) => typeof part === 'string') &&
  isRecordId(key[2] as string);

/** Patients after the cursor in PATIENT_ORDER (keyset pagination: stable while rows are added). */
export function afterCursor(cursor: string): Prisma.PatientWhereInput {
  const [familyName, givenName, id] = decodeCursor(cursor, isSortKey, 'the patient list');
  return {
    OR: [
      { familyName: { gt: familyName } },
      { familyName, givenName: { gt: givenName } },
      { familyName, givenName, id: { gt: id } },
    ],
  };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * Patients a trimmed, non-blank term names: a YYYY-MM-DD term is a date of birth; otherwise every
 * word must be in the given or family name (any case). What a pharmacy may search by too.
 */
export function nameOrBirthWhere(term: string): Prisma.PatientWhereInput {
  // Prisma sends `contains` and `startsWith` as LIKE patterns without escaping: a typed % or _
  // must match itself, not everything.
  const words = term.split(/\s+/).map(escapeLike);
  if (isIsoDate(term)) return { dateOfBirth: dbDate(term) };
  return {
    AND: words.map((word) => ({
      OR: [
        { givenName: { contains: word, mode: 'insensitive' as const } },
        { familyName: { contains: word, mode: 'insensitive' as const } },
      ],
    })),
  };
}

/**
 * What a search term matches: a YYYY-MM-DD term is a date of birth; otherwise every word must be
 * in the given or family name (any case), or the whole term starts an MRN.
 */
export function searchWhere(search: string | null | undefined): Prisma.PatientWhereInput {
  const term = search?.trim() ?? '';
  if (term === '') return {};
  if (isIsoDate(term)) return nameOrBirthWhere(term);
  return { OR: [nameOrBirthWhere(term), { mrn: { startsWith: escapeLike(term), mode: 'insensitive' } }] };
}
