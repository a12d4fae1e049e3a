import {
  ADVERSE_EFFECT_ACTIONS,
  ADVERSE_EFFECT_SEVERITIES,
  ADVERSE_EFFECTS,
  type AdverseEffect,
  type AdverseEffectAction,
  type AdverseEffectSeverity,
  compareDates,
  isIsoDate,
} from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { localToday } from '../../../lib/dates.ts';
import { formatDate, humanize } from '../../../lib/format.ts';
import { useRecordAdverseEffect } from '../api/record-adverse-effect.ts';
import { ActionDisclosure, type ActionFormProps } from './ActionDisclosure.tsx';
import { RefusalNotice } from './RefusalNotice.tsx';

/** An adverse effect (§6): what, since when, how severe, what was done. No lab task follows [1][2]. */
export function AdverseEffectForm({ trial, onSaved, onRefused }: ActionFormProps) {
  const id = useId();
  const [kind, setKind] = useState<AdverseEffect>('VIVID_DREAMS');
  const [description, setDescription] = useState('');
  const [onsetOn, setOnsetOn] = useState(localToday);
  const [severity, setSeverity] = useState<AdverseEffectSeverity>('MILD');
  const [action, setAction] = useState<AdverseEffectAction>('NONE');
  const [refusal, setRefusal] = useState<CombinedError | null>(null);
  const [result, record] = useRecordAdverseEffect();

  const problem = !isIsoDate(onsetOn)
    ? 'Enter the onset date.'
    : compareDates(onsetOn, trial.startDate) < 0
      ? `The onset is on or after the start of the trial (${formatDate(trial.startDate)}).`
      : kind === 'OTHER' && description.trim() === ''
        ? 'Describe the adverse effect.'
        : null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await record({
      trialId: trial.id,
      input: {
        kind,
        description: kind === 'OTHER' ? description.trim() : null,
        onsetOn,
        severity,
        action,
      },
    });
    if (answer.error === undefined)
      onSaved(`Adverse effect recorded: ${ADVERSE_EFFECTS[kind].toLowerCase()}.`);
    else {
      setRefusal(answer.error);
      onRefused(answer.error);
    }
  };

  return (
    <ActionDisclosure title="Record an adverse effect">
      <form onSubmit={(event) => void onSubmit(event)} aria-label="Record an adverse effect" noValidate>
        <p className="hint">
          Reported in 32 % of patients [seed]. A hold or an end of the trial is recorded with its own action.
        </p>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Adverse effect</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as AdverseEffect)}
          >
            {Object.entries(ADVERSE_EFFECTS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {kind === 'OTHER' && (
          <div className="field">
            <label htmlFor={`${id}-description`}>Description</label>
            <input
              id={`${id}-description`}
              required
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-onset`}>Onset date</label>
          <input
            id={`${id}-onset`}
            type="date"
            required
            max={localToday()}
            min={trial.startDate}
            value={onsetOn}
            onChange={(event) => setOnsetOn(event.target.value)}
          />
        </div>
        <fieldset className="choice-group">
          <legend>Severity</legend>
          {ADVERSE_EFFECT_SEVERITIES.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${id}-severity`}
                value={value}
                checked={severity === value}
                onChange={() => setSeverity(value)}
              />
              {humanize(value)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-action`}>Action taken</label>
          <select
            id={`${id}-action`}
            value={action}
            onChange={(event) => setAction(event.target.value as AdverseEffectAction)}
          >
            {Object.entries(ADVERSE_EFFECT_ACTIONS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {problem !== null && <p className="field-error">{problem}</p>}
        <RefusalNotice error={refusal} />
        <button type="submit" disabled={result.fetching || problem !== null}>
          {result.fetching ? 'Saving…' : 'Record the adverse effect'}
        </button>
      </form>
    </ActionDisclosure>
  );
}
