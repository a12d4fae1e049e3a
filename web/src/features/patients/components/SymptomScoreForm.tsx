import { type FormEvent, useId, useState } from 'react';
import { TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import { formatDate } from '../../../lib/format.ts';
import { useRecordSymptomScore } from '../api/record-symptom-score.ts';
import type { CloseDisclosure } from './Disclosure.tsx';
import { formErrorsOf } from './form-errors.ts';
import { MEASURE_CODES, MEASURE_LABELS, type MeasureCode } from './labels.ts';
import { RecordFormFooter } from './RecordFormFooter.tsx';
import { parseScore } from './score.ts';

const FIELDS = ['measure', 'scoredOn', 'score'] as const;

/**
 * One score on a day: pain (NRS, the baseline of §5) or a secondary measure. The form stays open
 * after each score, so a baseline of several days is entered in one go.
 */
export function SymptomScoreForm({ patientId, close }: { patientId: string; close: CloseDisclosure }) {
  const id = useId();
  const today = localToday();
  const [measure, setMeasure] = useState<MeasureCode>('PAIN_NRS');
  const [scoredOn, setScoredOn] = useState(today);
  const [scoreText, setScoreText] = useState('');
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState('');
  const [result, recordSymptomScore] = useRecordSymptomScore();
  const errors = formErrorsOf(result.error, FIELDS);
  const parsed = parseScore(scoreText);
  const scoreError = touched && 'problem' in parsed ? parsed.problem : errors.fields.score;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if ('problem' in parsed || scoredOn === '') return;
    const answer = await recordSymptomScore({ patientId, input: { measure, scoredOn, score: parsed.score } });
    const recorded = answer.data?.recordSymptomScore;
    if (recorded === undefined) return;
    setSaved(`${MEASURE_LABELS[measure]}: ${recorded.score} on ${formatDate(recorded.scoredOn)} recorded.`);
    setScoreText('');
    setTouched(false);
  };

  return (
    <form className="record-form" onSubmit={(event) => void onSubmit(event)} aria-label="Record score">
      <div className="record-grid">
        <div className="field">
          <label htmlFor={`${id}-measure`}>Measure</label>
          <select
            id={`${id}-measure`}
            value={measure}
            onChange={(event) => setMeasure(event.target.value as MeasureCode)}
          >
            {MEASURE_CODES.map((code) => (
              <option key={code} value={code}>
                {MEASURE_LABELS[code]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id={`${id}-scored`}
          label="Scored on"
          type="date"
          required
          max={today}
          value={scoredOn}
          onChange={setScoredOn}
          error={errors.fields.scoredOn}
        />
        <TextField
          id={`${id}-score`}
          label="Score (0–10)"
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          step={1}
          required
          value={scoreText}
          onChange={setScoreText}
          error={scoreError}
          hint={measure === 'PAIN_NRS' ? '0 no pain, 10 worst imaginable.' : undefined}
        />
      </div>
      <RecordFormFooter
        refusal={errors.general}
        busy={result.fetching}
        submitLabel="Record score"
        busyLabel="Recording…"
        cancelLabel="Done"
        onCancel={() => close(saved === '' ? undefined : 'Scores recorded.')}
      >
        <output aria-live="polite">{saved}</output>
      </RecordFormFooter>
    </form>
  );
}
