import type { CombinedError } from '@urql/core';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import type { ApiErrorCode } from '../../../lib/errors.ts';

/** How the order page words a refused action, by `extensions.code`. */
export const ORDER_ACTION_WORDING: Partial<Record<ApiErrorCode, string>> = {
  CONFLICT: 'Someone else changed this order; it has been reloaded. Check it and try again.',
  NOT_FOUND: 'This order is no longer addressed to your pharmacy.',
  // A pharmacist may make every move of an order but one: verifying what they compounded.
  FORBIDDEN: 'You compounded this order: another pharmacist of the pharmacy must verify it.',
};

/** The refusal of the last action, shown next to the actions (it outlives the reload it causes). */
export function ActionError({ error }: { error: CombinedError | null }) {
  if (error === null) return null;
  return <ErrorNotice error={error} wording={ORDER_ACTION_WORDING} />;
}
