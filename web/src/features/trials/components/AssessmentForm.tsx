import {
  ASSESSMENT_DECISIONS,
  type AssessmentDecision,
  checkAssessment,
  DISCONTINUATION_REASONS,
  DISCONTINUATION_REASONS_ALLOWED_ANY_TIME,
  type DiscontinuationReason,
  isIsoDate,
  isRuleInputError,
  type RuleFinding,
} from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { FindingList } from '../../../components/ui/FindingList.tsx';
import { localToday } from '../../../lib/dates.ts';
import { formatDate } from '../../../lib/format.ts';
import { findingsToShow } from '../../../lib/override-reasons.ts';
import { useAssessResponse } from '../api/assess-response.ts';
import type { TrialRecord } from '../api/trial.ts';
import { assessmentOpensOnAsOf } from '../trial-rule-input.ts';
import { ActionDisclosure, type ActionFormProps } from './ActionDisclosure.tsx';
import { RefusalNotice } from './RefusalNotice.tsx';
import { ResponsePreview, responseOn } from './ResponsePreview.tsx';

interface AssessmentChoice {
  assessedOn: string;
  decision: AssessmentDecision;
  reason: DiscontinuationReason | '';
}

/**
 * The rules' verdict on an assessment (§5): too early before the window opens (as the trial's
 * history reads on that date, holds included), except a discontinuation for intolerance or patient
 * choice. (Whether a response can be computed on the date, ResponsePreview says.)
 */
export function assessmentCheckOf(
  trial: TrialRecord,
  choice: AssessmentChoice,
): { findings: RuleFinding[]; problem: string | null } {
  if (!isIsoDate(choice.assessedOn)) return { findings: [], problem: 'Enter the assessment date.' };
  try {
    const findings = checkAssessment({
      assessedOn: choice.assessedOn,
      decision: choice.decision,
      ...(choice.reason === '' ? {} : { discontinuationReason: choice.reason }),
      assessmentOpensOn: assessmentOpensOnAsOf(trial, choice.assessedOn),
    });
    return { findings, problem: null };
  } catch (error) {
    if (!isRuleInputError(error)) throw error;
    return { findings: [], problem: error.message };
  }
}

/** The response assessment: the computed class shown before it is saved, with the decision. */
export function AssessmentForm({ trial, onSaved, onRefused }: ActionFormProps) {
  const id = useId();
  const [assessedOn, setAssessedOn] = useState(localToday);
  const [decision, setDecision] = useState<AssessmentDecision>('CONTINUE');
  const [reason, setReason] = useState<DiscontinuationReason | ''>('');
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<CombinedError | null>(null);
  const [result, assess] = useAssessResponse();
  const edited = (apply: () => void) => {
    apply();
    setRefusal(null);
  };

  const check = assessmentCheckOf(trial, { assessedOn, decision, reason });
  const computable = isIsoDate(assessedOn) && responseOn(trial, assessedOn).response !== null;
  const window = trial.status.assessmentWindow;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await assess({
      trialId: trial.id,
      input: {
        assessedOn,
        decision,
        discontinuationReason: decision === 'DISCONTINUE' && reason !== '' ? reason : null,
        note: note.trim() === '' ? null : note.trim(),
      },
    });
    if (answer.error === undefined) onSaved(`Assessment of ${formatDate(assessedOn)} saved.`);
    else {
      setRefusal(answer.error);
      onRefused(answer.error);
    }
  };

  return (
    <ActionDisclosure title="Assess the response">
      <form onSubmit={(event) => void onSubmit(event)} aria-label="Assess the response" noValidate>
        <p className="hint">
          {window === null
            ? 'The window opens 4 weeks after the target dose begins [2].'
            : `Window: ${formatDate(window.opensOn)} – ${formatDate(window.dueBy)} (4–8 weeks at the target dose [2]).`}{' '}
          Discontinuing for{' '}
          {DISCONTINUATION_REASONS_ALLOWED_ANY_TIME.map((r) => DISCONTINUATION_REASONS[r].toLowerCase()).join(
            ' or ',
          )}{' '}
          is possible at any time.
        </p>
        <div className="field">
          <label htmlFor={`${id}-date`}>Assessed on</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            max={localToday()}
            value={assessedOn}
            onChange={(event) => edited(() => setAssessedOn(event.target.value))}
          />
        </div>
        <fieldset className="choice-group">
          <legend>Decision</legend>
          {Object.entries(ASSESSMENT_DECISIONS).map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${id}-decision`}
                value={value}
                checked={decision === value}
                onChange={() => edited(() => setDecision(value as AssessmentDecision))}
              />
              {label}
            </label>
          ))}
        </fieldset>
        {decision === 'DISCONTINUE' && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason for discontinuing</label>
            <select
              id={`${id}-reason`}
              required
              value={reason}
              onChange={(event) => edited(() => setReason(event.target.value as DiscontinuationReason | ''))}
            >
              <option value="">Choose…</option>
              {Object.entries(DISCONTINUATION_REASONS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        {isIsoDate(assessedOn) && <ResponsePreview trial={trial} assessedOn={assessedOn} />}
        {check.problem !== null && <p className="field-error">{check.problem}</p>}
        <FindingList
          label="Assessment check"
          findings={findingsToShow(check.findings, refusal)}
          reasons={{}}
          onReasonChange={() => {}}
          minimumWords={trial.policy.overrideReasonMinimumWords}
        />
        <RefusalNotice error={refusal} />
        <button
          type="submit"
          disabled={result.fetching || check.problem !== null || check.findings.length > 0 || !computable}
        >
          {result.fetching ? 'Saving…' : 'Save the assessment'}
        </button>
      </form>
    </ActionDisclosure>
  );
}
