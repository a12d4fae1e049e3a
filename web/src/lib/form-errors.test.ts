import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formErrorsOf } from './form-errors.ts';

function refusal(code: string, message: string, extensions: Record<string, unknown> = {}) {
  return new CombinedError({
    graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extensions } })],
  });
}

const FIELDS = ['givenName', 'dateOfBirth', 'mrn'] as const;

describe('formErrorsOf', () => {
  it('puts a BAD_USER_INPUT on the field it names, with nothing left for the form', () => {
    const error = refusal('BAD_USER_INPUT', 'Enter the given name.', { field: 'givenName' });
    expect(formErrorsOf(error, FIELDS)).toEqual({
      fields: { givenName: 'Enter the given name.' },
      general: null,
    });
  });

  it('reads every field of a validation refusal, and graphql-js paths under input', () => {
    const error = refusal('BAD_USER_INPUT', 'two problems', {
      field: 'givenName',
      fields: [
        { field: 'givenName', message: 'Enter the given name.' },
        { field: 'input.dateOfBirth', message: 'Invalid value at "input.dateOfBirth": Not a calendar date.' },
      ],
    });
    expect(formErrorsOf(error, FIELDS).fields).toEqual({
      givenName: 'Enter the given name.',
      dateOfBirth: 'Not a calendar date.',
    });
  });

  it('keeps a refusal of a field the form lacks for the form as a whole', () => {
    const error = refusal('BAD_USER_INPUT', 'Field "familyName" is required.', { field: 'input' });
    expect(formErrorsOf(error, FIELDS)).toEqual({ fields: {}, general: error });
  });

  it('shows a CONFLICT on the field the form names for it (a duplicate MRN)', () => {
    const error = refusal('CONFLICT', 'conflict');
    expect(formErrorsOf(error, FIELDS, { field: 'mrn', message: 'Already used.' })).toEqual({
      fields: { mrn: 'Already used.' },
      general: null,
    });
    expect(formErrorsOf(error, FIELDS).general).toBe(error);
  });

  it.each(['NOT_FOUND', 'FORBIDDEN', 'RULE_VIOLATION'])('leaves %s to the form', (code) => {
    const error = refusal(code, 'no');
    expect(formErrorsOf(error, FIELDS)).toEqual({ fields: {}, general: error });
  });

  it('has nothing to say without an error', () => {
    expect(formErrorsOf(undefined, FIELDS)).toEqual({ fields: {}, general: null });
  });
});
