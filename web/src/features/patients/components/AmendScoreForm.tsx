import { type FormEvent, useId, useState } from 'react';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { useAmendSymptomScore } from '../api/amend-symptom-score.ts';
import type { SymptomScoreRecord } from '../api/patient.ts';
import { AmendmentFooter } from './AmendmentFooter.tsx';
import { RELOAD_PATIENT } from './drug-record-wording.ts';
import { SymptomScaleField } from './SymptomScaleField.tsx';

const FIELDS = ['score', 'reason'] as const;

/**
 * Corrects one score with a reason, on its own scale with its anchors; the previous score is kept.
 * The version read is sent (a stale one: CONFLICT).
 */
export function AmendScoreForm({
  score,
  what,
  close,
}: {
  score: SymptomScoreRecord;
  /** The score as the form's name says it: "pain of 10 Mar 2026". */
  what: string;
  close: CloseDisclosure;
}) {
  const id = useId();
  const [value, setValue] = useState<number | null>(score.score);
  const [reason, setReason] = useState('');
  const [result, amend] = useAmendSymptomScore();
  const errors = formErrorsOf(result.error, FIELDS);
  const ready = value !== null && value !== score.score && reason.trim() !== '';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready || value === null) return;
    const answer = await amend(
      { scoreId: score.id, version: score.version, score: value, reason: reason.trim() },
      RELOAD_PATIENT,
    );
    if (answer.data !== undefined) close(`${what} amended to ${answer.data.amendSymptomScore.score}.`);
  };

  return (
    <form className="record-form" onSubmit={(event) => void onSubmit(event)} aria-label={`Amend ${what}`}>
      <SymptomScaleField
        measure={score.measure}
        value={value}
        onChange={setValue}
        error={errors.fields.score}
        legend={`Corrected score (was ${score.score})`}
      />
      <AmendmentFooter
        idPrefix={id}
        reason={reason}
        onReasonChange={setReason}
        errors={errors}
        busy={result.fetching}
        ready={ready}
        close={close}
      />
    </form>
  );
}
