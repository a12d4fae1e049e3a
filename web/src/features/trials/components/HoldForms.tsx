import { compareDates, isIsoDate } from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import type { VariablesOf } from '../../../graphql/index.ts';
import { localToday } from '../../../lib/dates.ts';
import { formatDate, humanize } from '../../../lib/format.ts';
import { type HoldTrialMutation, useHoldTrial } from '../api/hold-trial.ts';
import { useResumeTrial } from '../api/resume-trial.ts';
import { ActionDisclosure, type ActionFormProps } from './ActionDisclosure.tsx';
import { RefusalNotice } from './RefusalNotice.tsx';

type HoldReason = VariablesOf<typeof HoldTrialMutation>['input']['reason'];

// OPIOID_STARTED is the API's own reason when an opioid is recorded during the trial (§3).
const HOLD_REASONS: Record<Exclude<HoldReason, 'OPIOID_STARTED'>, string> = {
  ADVERSE_EFFECT: 'Adverse effect',
  OPIOID_NEEDED: 'Opioid needed (e.g. surgery)',
  OTHER: 'Other (say why in the note)',
};

/** Pauses the trial: days on hold do not count, so the next step and the window move later. */
export function HoldForm({ trial, onSaved, onRefused }: ActionFormProps) {
  const id = useId();
  const [heldOn, setHeldOn] = useState(localToday);
  const [reason, setReason] = useState<HoldReason>('ADVERSE_EFFECT');
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<CombinedError | null>(null);
  const [result, hold] = useHoldTrial();
  const problem = !isIsoDate(heldOn)
    ? 'Enter the first day without LDN.'
    : compareDates(heldOn, trial.startDate) < 0
      ? `The hold begins on or after the start of the trial (${formatDate(trial.startDate)}).`
      : reason === 'OTHER' && note.trim() === ''
        ? 'Say why in the note.'
        : null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await hold({
      trialId: trial.id,
      input: { heldOn, reason, note: note.trim() === '' ? null : note.trim() },
    });
    if (answer.error === undefined) onSaved(`Trial on hold from ${formatDate(heldOn)}.`);
    else {
      setRefusal(answer.error);
      onRefused(answer.error);
    }
  };

  return (
    <ActionDisclosure title="Put on hold">
      <form onSubmit={(event) => void onSubmit(event)} aria-label="Put on hold" noValidate>
        <p className="hint">Days on hold do not count: the next step and the assessment window move later.</p>
        <div className="field">
          <label htmlFor={`${id}-date`}>First day without LDN</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            max={localToday()}
            min={trial.startDate}
            value={heldOn}
            onChange={(event) => setHeldOn(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason for the hold</label>
          <select
            id={`${id}-reason`}
            value={reason}
            onChange={(event) => setReason(event.target.value as HoldReason)}
          >
            {Object.entries(HOLD_REASONS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note{reason === 'OTHER' ? '' : ' (optional)'}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        {problem !== null && <p className="field-error">{problem}</p>}
        <RefusalNotice error={refusal} />
        <button type="submit" disabled={result.fetching || problem !== null}>
          {result.fetching ? 'Saving…' : 'Put the trial on hold'}
        </button>
      </form>
    </ActionDisclosure>
  );
}

/** Resumes the trial to the state it had before the hold. */
export function ResumeForm({ trial, onSaved, onRefused }: ActionFormProps) {
  const id = useId();
  const since = trial.status.onHold?.since ?? trial.startDate;
  const [resumedOn, setResumedOn] = useState(localToday);
  const [refusal, setRefusal] = useState<CombinedError | null>(null);
  const [result, resume] = useResumeTrial();
  const resumesTo = trial.status.onHold?.resumesTo;
  const problem = !isIsoDate(resumedOn)
    ? 'Enter the day treatment resumed.'
    : compareDates(resumedOn, since) < 0
      ? `Treatment resumes on or after the hold began (${formatDate(since)}).`
      : null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await resume({ trialId: trial.id, input: { resumedOn } });
    if (answer.error === undefined) onSaved(`Trial resumed on ${formatDate(resumedOn)}.`);
    else {
      setRefusal(answer.error);
      onRefused(answer.error);
    }
  };

  return (
    <ActionDisclosure title="Resume">
      <form onSubmit={(event) => void onSubmit(event)} aria-label="Resume" noValidate>
        <p className="hint">
          On hold since {formatDate(since)}
          {resumesTo === undefined ? '' : `; the trial returns to ${humanize(resumesTo).toLowerCase()}`}.
        </p>
        <div className="field">
          <label htmlFor={`${id}-date`}>Treatment resumed on</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            max={localToday()}
            min={since}
            value={resumedOn}
            onChange={(event) => setResumedOn(event.target.value)}
          />
        </div>
        {problem !== null && <p className="field-error">{problem}</p>}
        <RefusalNotice error={refusal} />
        <button type="submit" disabled={result.fetching || problem !== null}>
          {result.fetching ? 'Saving…' : 'Resume the trial'}
        </button>
      </form>
    </ActionDisclosure>
  );
}
