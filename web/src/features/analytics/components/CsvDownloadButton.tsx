import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { type ContinuationFilter, useDownloadContinuationCsv } from '../api/continuation-report.ts';

/** Downloads the report of the current filter as CSV; says so while it is being prepared. */
export function CsvDownloadButton({ filter }: { filter: ContinuationFilter }) {
  const download = useDownloadContinuationCsv();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);

  async function onClick() {
    setBusy(true);
    setError(null);
    try {
      await download(filter);
    } catch (caught) {
      setError(caught as CombinedError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button type="button" className="button-secondary" onClick={onClick} disabled={busy}>
        {busy ? 'Preparing CSV…' : 'Download CSV'}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
