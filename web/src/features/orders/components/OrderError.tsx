import type { CombinedError } from '@urql/core';
import { type ApiErrorCode, apiErrorOf, describeApiError } from '../../../lib/errors.ts';
import { FindingList } from './FindingList.tsx';

/** How the clinic's order screens word a refusal, by `extensions.code`. */
export const ORDER_WORDING: Partial<Record<ApiErrorCode, string>> = {
  CONFLICT: 'Someone else changed this order; it has been reloaded. Check it and try again.',
  NOT_FOUND: 'This order or trial is not in your clinic’s records.',
  FORBIDDEN: 'Only a clinician signs and submits an order.',
};

/** The field a BAD_USER_INPUT names (`extensions.field`), to show the message beside it. */
export function fieldOfError(error: CombinedError | null): string | null {
  const field = error?.graphQLErrors[0]?.extensions?.field;
  return error !== null && apiErrorOf(error).code === 'BAD_USER_INPUT' && typeof field === 'string'
    ? field
    : null;
}

/** A refused order action in words, with the rules' findings (code, message, evidence) when it has them. */
export function OrderError({ error }: { error: CombinedError | null }) {
  if (error === null) return null;
  const apiError = apiErrorOf(error);
  return (
    <div className="notice notice-error" role="alert">
      <p>{describeApiError(apiError, ORDER_WORDING)}</p>
      {apiError.findings.length > 0 && <FindingList findings={apiError.findings} />}
    </div>
  );
}
