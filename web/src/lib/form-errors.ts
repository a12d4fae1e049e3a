import type { CombinedError } from '@urql/core';
import { apiErrorOf } from './errors.ts';

/** A refusal split for a form: messages beside the fields they concern, the rest for the form. */
export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, string>>;
  /** What no field of the form explains (shown above the submit button); null when nothing is left. */
  general: CombinedError | null;
}

interface FieldFailure {
  field: string;
  message: string;
}

// graphql-js refusals of a variable read `Invalid value at "input.x": <reason>`; the reason is enough.
const VARIABLE_REFUSAL = /^Invalid value at "[^"]*":\s*/;

function failuresOf(error: CombinedError): FieldFailure[] {
  const first = error.graphQLErrors[0];
  const extensions = first?.extensions ?? {};
  const listed = Array.isArray(extensions.fields) ? extensions.fields : [];
  const failures = listed.flatMap((entry: unknown) => {
    const candidate = entry as Partial<FieldFailure> | null;
    return typeof candidate?.field === 'string' && typeof candidate.message === 'string'
      ? [{ field: candidate.field, message: candidate.message }]
      : [];
  });
  if (failures.length > 0) return failures;
  return typeof extensions.field === 'string' && first !== undefined
    ? [{ field: extensions.field, message: first.message }]
    : [];
}

/** `input.dateOfBirth` and `dateOfBirth` are the same field of the form. */
function fieldNameOf(path: string): string {
  return path.startsWith('input.') ? path.slice('input.'.length) : path;
}

/**
 * Maps a refusal onto the form's fields: BAD_USER_INPUT by its `extensions.field(s)`, and a
 * CONFLICT onto `conflict.field` when the form names one (a duplicate MRN). Anything else, and
 * any failure of a field the form does not have, stays general.
 */
export function formErrorsOf<Field extends string>(
  error: CombinedError | null | undefined,
  formFields: readonly Field[],
  conflict?: { field: Field; message: string },
): FormErrors<Field> {
  if (error === null || error === undefined) return { fields: {}, general: null };
  const { code } = apiErrorOf(error);
  const known = new Set<string>(formFields);
  if (code === 'CONFLICT' && conflict !== undefined) {
    return {
      fields: { [conflict.field]: conflict.message } as Partial<Record<Field, string>>,
      general: null,
    };
  }
  if (code !== 'BAD_USER_INPUT') return { fields: {}, general: error };
  const fields: Partial<Record<Field, string>> = {};
  let unplaced = false;
  for (const failure of failuresOf(error)) {
    const field = fieldNameOf(failure.field);
    if (!known.has(field)) {
      unplaced = true;
      continue;
    }
    const message = failure.message.replace(VARIABLE_REFUSAL, '');
    fields[field as Field] ??= message;
  }
  const placedAny = Object.keys(fields).length > 0;
  return { fields, general: unplaced || !placedAny ? error : null };
}
