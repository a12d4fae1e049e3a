import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { useMarkTrialEnteredInError } from '../api/mark-trial-entered-in-error.ts';
import { ActionDisclosure, type ActionFormProps } from './ActionDisclosure.tsx';
import { TRIAL_ACTION_WORDING } from './RefusalNotice.tsx';

/**
 * Marks a trial started by mistake entered in error (clinicians, with a reason). Unlike
 * discontinuing, the trial then counts nowhere: no worklist line, no figure, no active trial.
 */
export function TrialEnteredInErrorForm({ trial, onSaved, onRefused }: ActionFormProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<CombinedError | null>(null);
  const [result, mark] = useMarkTrialEnteredInError();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') return;
    const answer = await mark({ trialId: trial.id, version: trial.version, reason: reason.trim() });
    if (answer.error === undefined) onSaved('Trial marked entered in error.');
    else {
      setRefusal(answer.error);
      onRefused(answer.error);
    }
  };

  return (
    <ActionDisclosure title="Entered in error…">
      <form
        onSubmit={(event) => void onSubmit(event)}
        aria-label="Mark the trial entered in error"
        noValidate
      >
        <p className="hint" id={`${id}-hint`}>
          For a trial started by mistake. It stays on the record, struck through, but leaves the worklists and
          every figure, and its open orders are cancelled; the patient can start a trial again. A trial that
          really happened is discontinued instead.
        </p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Why was it entered in error?</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            required
            aria-describedby={`${id}-hint`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        {/* A refusal shows its findings here (TRIAL_HAS_SUPPLY: an order reached the pharmacy). */}
        {refusal !== null && <ErrorNotice error={refusal} wording={TRIAL_ACTION_WORDING} />}
        <button type="submit" className="button-danger" disabled={result.fetching || reason.trim() === ''}>
          {result.fetching ? 'Marking…' : 'Mark entered in error'}
        </button>
      </form>
    </ActionDisclosure>
  );
}
