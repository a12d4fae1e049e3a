import { compareDates, DISCONTINUATION_REASONS, type DiscontinuationReason, isIsoDate } from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { localToday } from '../../../lib/dates.ts';
import { formatDate } from '../../../lib/format.ts';
import { useDiscontinueTrial } from '../api/discontinue-trial.ts';
import { ActionDisclosure, type ActionFormProps } from './ActionDisclosure.tsx';
import { RefusalNotice } from './RefusalNotice.tsx';

/** Ends the trial with a reason of §8 (time on therapy ends here; the continuation report counts it). */
export function DiscontinueForm({ trial, onSaved, onRefused }: ActionFormProps) {
  const id = useId();
  const [discontinuedOn, setDiscontinuedOn] = useState(localToday);
  const [reason, setReason] = useState<DiscontinuationReason | ''>('');
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<CombinedError | null>(null);
  const [result, discontinue] = useDiscontinueTrial();

  const problem = !isIsoDate(discontinuedOn)
    ? 'Enter the date the trial ended.'
    : compareDates(discontinuedOn, trial.startDate) < 0
      ? `The end is on or after the start of the trial (${formatDate(trial.startDate)}).`
      : reason === ''
        ? 'Choose the reason.'
        : null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason === '') return;
    const answer = await discontinue({
      trialId: trial.id,
      input: { discontinuedOn, reason, note: note.trim() === '' ? null : note.trim() },
    });
    if (answer.error === undefined) onSaved(`Trial discontinued on ${formatDate(discontinuedOn)}.`);
    else {
      setRefusal(answer.error);
      onRefused(answer.error);
    }
  };

  return (
    <ActionDisclosure title="Discontinue the trial">
      <form onSubmit={(event) => void onSubmit(event)} aria-label="Discontinue the trial" noValidate>
        <p className="hint">This ends the trial; it cannot be undone.</p>
        <div className="field">
          <label htmlFor={`${id}-date`}>Last day of the trial</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            max={localToday()}
            min={trial.startDate}
            value={discontinuedOn}
            onChange={(event) => setDiscontinuedOn(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason for discontinuing</label>
          <select
            id={`${id}-reason`}
            required
            value={reason}
            onChange={(event) => setReason(event.target.value as DiscontinuationReason | '')}
          >
            <option value="">Choose…</option>
            {Object.entries(DISCONTINUATION_REASONS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        {problem !== null && <p className="field-error">{problem}</p>}
        <RefusalNotice error={refusal} />
        <button type="submit" className="button-danger" disabled={result.fetching || problem !== null}>
          {result.fetching ? 'Saving…' : 'Discontinue the trial'}
        </button>
      </form>
    </ActionDisclosure>
  );
}
