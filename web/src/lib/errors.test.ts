import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiErrorOf, describeApiError, isUnauthenticated } from './errors.ts';

const graphQLError = (code: string, message = 'server says', extensions: Record<string, unknown> = {}) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { ...extensions, code } })] });

describe('apiErrorOf', () => {
  it.each([
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'NOT_FOUND',
    'BAD_USER_INPUT',
    'RULE_VIOLATION',
    'OVERRIDE_REQUIRED',
    'CONFLICT',
    'INVALID_TRANSITION',
    'TOO_MANY_REQUESTS',
    'SIGNATURE_INVALID',
    'TIMEOUT',
  ])('reads %s from extensions.code', (code) => {
    expect(apiErrorOf(graphQLError(code)).code).toBe(code);
  });

  it('calls a code outside the catalogue UNKNOWN (and never trusts its message)', () => {
    const error = apiErrorOf(graphQLError('INTERNAL_SERVER_ERROR', 'stack trace'));
    expect(error.code).toBe('UNKNOWN');
    expect(describeApiError(error)).not.toContain('stack trace');
  });

  it('keeps a failure with no GraphQL answer apart as NETWORK', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(apiErrorOf(error).code).toBe('NETWORK');
    expect(describeApiError(apiErrorOf(error))).toMatch(/could not be reached/);
  });

  it('carries the findings of a rule violation', () => {
    const findings = [
      { code: 'DOSE_ABOVE_MAXIMUM', severity: 'HARD_STOP', message: 'Above 4.5 mg.', evidence: [] },
    ];
    expect(apiErrorOf(graphQLError('RULE_VIOLATION', 'Above 4.5 mg.', { findings })).findings).toEqual(
      findings,
    );
  });
});

describe('describeApiError', () => {
  it('uses the wording a screen gives for a code', () => {
    const error = apiErrorOf(graphQLError('UNAUTHENTICATED', 'The email or password is not right.'));
    expect(describeApiError(error, { UNAUTHENTICATED: 'Wrong sign-in.' })).toBe('Wrong sign-in.');
  });

  it('words a CONFLICT as someone else having changed the record', () => {
    expect(describeApiError(apiErrorOf(graphQLError('CONFLICT')))).toMatch(
      /Someone else changed this record/,
    );
  });

  it('adds the server’s explanation to an INVALID_TRANSITION', () => {
    const error = apiErrorOf(graphQLError('INVALID_TRANSITION', 'A DRAFT order cannot be dispensed.'));
    expect(describeApiError(error)).toBe(
      'This is not possible in the current state. A DRAFT order cannot be dispensed.',
    );
  });
});

describe('isUnauthenticated', () => {
  it('is true only for UNAUTHENTICATED', () => {
    expect(isUnauthenticated(graphQLError('UNAUTHENTICATED'))).toBe(true);
    expect(isUnauthenticated(graphQLError('FORBIDDEN'))).toBe(false);
  });
});
