import type { CombinedError } from '@urql/core';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { type ApiErrorCode, apiErrorOf, describeApiError } from '../../../lib/errors.ts';

/** How the trial's forms word a refused action, by `extensions.code`. */
export const TRIAL_ACTION_WORDING: Partial<Record<ApiErrorCode, string>> = {
  CONFLICT: 'Someone else changed this trial; it has been reloaded. Check it and try again.',
  NOT_FOUND: 'This trial is no longer in your clinic’s records.',
};

/**
 * The API's refusal of the last action, next to the action. With findings (RULE_VIOLATION,
 * OVERRIDE_REQUIRED) only the words are shown here: the form's FindingList shows the findings
 * themselves, with reason boxes for soft stops.
 */
export function RefusalNotice({ error }: { error: CombinedError | null }) {
  if (error === null) return null;
  const apiError = apiErrorOf(error);
  if (apiError.findings.length === 0) return <ErrorNotice error={error} wording={TRIAL_ACTION_WORDING} />;
  return (
    <div className="notice notice-error" role="alert">
      <p>{describeApiError(apiError, TRIAL_ACTION_WORDING)} The findings are shown above.</p>
    </div>
  );
}
