import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { type ApiErrorCode, apiErrorOf, describeApiError } from '../../lib/errors.ts';

/** A loading line announced politely to screen readers. */
export function Loading({ label }: { label: string }) {
  return (
    <output className="loading" aria-live="polite">
      {label}
    </output>
  );
}

/** An error in words, announced at once, with an optional way to try again. */
export function ErrorNotice({
  error,
  wording,
  onRetry,
}: {
  error: CombinedError;
  wording?: Partial<Record<ApiErrorCode, string>>;
  onRetry?: () => void;
}) {
  const apiError = apiErrorOf(error);
  return (
    <div className="notice notice-error" role="alert">
      <p>{describeApiError(apiError, wording)}</p>
      {apiError.findings.length > 0 && (
        <ul>
          {apiError.findings.map((finding) => (
            <li key={finding.code}>{finding.message}</li>
          ))}
        </ul>
      )}
      {onRetry !== undefined && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** What a list shows when it has nothing in it. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

interface QueryResultLike<Data> {
  fetching: boolean;
  error?: CombinedError | undefined;
  data?: Data | undefined;
}

/**
 * Renders one of a query's three states: loading, error, or the data. Data already on screen
 * stays while a refetch runs (the document cache refetches after mutations).
 */
export function QueryState<Data>({
  result,
  loadingLabel,
  onRetry,
  wording,
  children,
}: {
  result: QueryResultLike<Data>;
  loadingLabel: string;
  onRetry?: () => void;
  wording?: Partial<Record<ApiErrorCode, string>>;
  children: (data: Data) => ReactNode;
}) {
  if (result.data !== undefined && result.data !== null) return <>{children(result.data)}</>;
  if (result.error !== undefined) {
    return (
      <ErrorNotice
        error={result.error}
        {...(wording !== undefined && { wording })}
        {...(onRetry !== undefined && { onRetry })}
      />
    );
  }
  return <Loading label={loadingLabel} />;
}
