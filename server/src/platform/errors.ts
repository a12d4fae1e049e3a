import { GraphQLError } from 'graphql';

/**
 * The one catalogue of errors the API answers with. Every refusal is one of these codes in
 * `extensions.code`; anything else is hidden behind INTERNAL_SERVER_ERROR by the error boundary.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'RULE_VIOLATION',
  'OVERRIDE_REQUIRED',
  'CONFLICT',
  'INVALID_TRANSITION',
  'TOO_MANY_REQUESTS',
  'TIMEOUT',
  'SIGNATURE_INVALID',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A finding as the API returns it (the rules package's RuleFinding). */
export interface FindingPayload {
  code: string;
  severity: string;
  message: string;
  evidence: string[];
}

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Sign in to continue.');
export const forbidden = (what = 'do this') =>
  new AppError('FORBIDDEN', `Your role does not allow you to ${what}.`);
export const notFound = (entity: string) => new AppError('NOT_FOUND', `${entity} not found.`, { entity });
export const badInput = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', message, { field });
/** One refused field of an input, by its path (`input.shipTo.line1`). */
export interface FieldProblem {
  field: string;
  message: string;
}
/** Several refused fields at once: `field` names the first, `fields` lists them all. */
export const badInputs = (problems: FieldProblem[]) =>
  new AppError('BAD_USER_INPUT', problems.map((p) => p.message).join(' '), {
    field: problems[0]?.field,
    fields: problems,
  });
export const conflict = (message = 'This record was changed by someone else; reload it and try again.') =>
  new AppError('CONFLICT', message);
/**
 * An idempotency key already used for another request (another operation, trial or input): a
 * retry must send the same request again, so this is refused rather than answered with the first.
 */
export const idempotencyKeyReused = () =>
  new AppError(
    'CONFLICT',
    'This idempotency key was already used for a different request; send a new key for a new request.',
    { reason: 'IDEMPOTENCY_KEY_REUSED' },
  );
/** The record is not in a state that allows this (e.g. dispensing an order not yet ready). */
export const invalidTransition = (message: string, state: string) =>
  new AppError('INVALID_TRANSITION', message, { state });
/**
 * A pharmacist verifying an order they compounded: the check needs a second person. FORBIDDEN with a
 * reason of its own, so the portal can say who may do it instead.
 */
export const ownCompoundingVerified = () =>
  new AppError('FORBIDDEN', 'You compounded this order: another pharmacist of the pharmacy must verify it.', {
    reason: 'VERIFIER_IS_COMPOUNDER',
  });
/** Dispensing a ready order no second pharmacist has verified. */
export const notVerified = () =>
  new AppError(
    'INVALID_TRANSITION',
    'A pharmacist other than the one who compounded it must verify the order before it is dispensed.',
    { state: 'READY', reason: 'NOT_VERIFIED' },
  );
export const tooManyRequests = (message: string) => new AppError('TOO_MANY_REQUESTS', message);
/**
 * The database stopped a statement that ran past its time (DATABASE_STATEMENT_TIMEOUT_MS). Its
 * transaction was rolled back; a retry may succeed once the database is less busy.
 */
export const timedOut = () =>
  new AppError('TIMEOUT', 'The database took too long to answer, so the request was stopped. Try again.');
/**
 * A signature not confirmed: the password re-entered is not the signer's. A code of its own, not
 * UNAUTHENTICATED: the session is still good, and the portal must not send the person to sign in.
 */
export const signatureInvalid = () =>
  new AppError('SIGNATURE_INVALID', 'The password is not right; the order was not signed.');

/** A hard stop: refused whatever the clinician says. */
export const ruleViolation = (findings: FindingPayload[]) =>
  new AppError('RULE_VIOLATION', findings.map((f) => f.message).join(' '), { findings });

/** Soft stops the clinician has not overridden with a reason. */
export const overrideRequired = (findings: FindingPayload[]) =>
  new AppError(
    'OVERRIDE_REQUIRED',
    `This needs an override with a reason: ${findings.map((f) => f.code).join(', ')}.`,
    { findings },
  );

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
